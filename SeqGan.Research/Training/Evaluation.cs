using SeqGan.Research.Models;

namespace SeqGan.Research.Training;

/// <summary>The scores of one generator: metric name → value, and a few decoded samples (empty where a task has no text).</summary>
public sealed record Evaluation(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Samples)
{
    public static Evaluation Empty { get; } = new(new Dictionary<string, double>(), []);

    public double this[string metric] => Metrics.TryGetValue(metric, out var value) ? value
        : throw new KeyNotFoundException($"no metric '{metric}' in this evaluation (it has {string.Join(", ", Metrics.Keys)})");
}

/// <summary>Which run is being scored: its seed and session name (an evaluation that samples can seed itself from them).</summary>
public sealed record EvaluationContext(int Seed, string Session);

/// <summary>
/// The trainer's evaluation hook. <see cref="Curve"/> is called on the untrained generator, every
/// <c>EvaluateEvery…</c> epochs or iterations and at the end of every phase — its values become the training curve;
/// <see cref="Final"/> once per run when training is done (and on the untrained or pretrained generator when the settings
/// ask) — it is checkpointed with the run, so a resumed run reports the same scores.
/// </summary>
public interface IEvaluator
{
    /// <summary>Metric → value for the curve (e.g. NLL-oracle); empty for an experiment without a curve.</summary>
    IReadOnlyDictionary<string, double> Curve(ISequencePolicy generator);

    Evaluation Final(ISequencePolicy generator, EvaluationContext context);
}

/// <summary>No curve and no scores: a run that only trains (e.g. a notebook cell that inspects the generator itself).</summary>
public sealed class NoEvaluation : IEvaluator
{
    public static NoEvaluation Instance { get; } = new();

    public IReadOnlyDictionary<string, double> Curve(ISequencePolicy generator) => Evaluation.Empty.Metrics;

    public Evaluation Final(ISequencePolicy generator, EvaluationContext context) => Evaluation.Empty;
}
