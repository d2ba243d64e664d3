namespace SeqGan.Research.Experiments;

/// <summary>One evaluation during a run. <see cref="Epoch"/> is the x-axis of the paper's Figure 2:
/// pretraining epochs first, then one unit per adversarial iteration (or baseline epoch).</summary>
public sealed record CurvePoint(string Method, int Seed, string Phase, int Epoch, double NllOracle);

/// <summary>What a training loop reports as it goes (rendered as progress bars by the CLI).</summary>
public sealed record TrainingProgress(string Run, string Phase, int Step, int TotalSteps, string? Metric = null, double? Value = null);
