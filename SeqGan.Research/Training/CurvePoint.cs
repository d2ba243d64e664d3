namespace SeqGan.Research.Training;

/// <summary>
/// One value of one metric during a run — a training curve is a list of these (metric name → value per epoch).
/// <see cref="Epoch"/> is the x-axis of the paper's Figure 2: pretraining epochs first, then one unit per adversarial
/// iteration (or baseline epoch). <see cref="Phase"/> is the session that produced the point ("pretrain", "seqgan", …).
/// </summary>
public sealed record CurvePoint(string Method, int Seed, string Phase, int Epoch, string Metric, double Value);

/// <summary>What a training loop reports as it goes (progress bars in the CLI, printed lines in notebooks).
/// <paramref name="IsEvaluation"/>: the value is an evaluation (a curve point), not a training loss.</summary>
public sealed record TrainingProgress(string Run, string Phase, int Step, int TotalSteps, string? Metric = null, double? Value = null,
    bool IsEvaluation = false);
