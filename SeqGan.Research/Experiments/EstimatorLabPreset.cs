using SeqGan.Research.Models;

namespace SeqGan.Research.Experiments;

/// <summary>
/// The estimator lab: a tiny oracle small enough that every sequence can be enumerated (V^T of them), a generator
/// MLE-pretrained on it for a few epochs, and a CNN discriminator trained to tell the two apart, whose D(Y) is the
/// reward. Every estimator is then measured against the exact gradient. Presets are data: edit a copy with
/// <c>EstimatorLabPreset.Quick with { Rollouts = [1, 8] }</c>.
/// </summary>
public sealed record EstimatorLabPreset
{
    public required string Name { get; init; }

    // ---- the world (the paper's recipe at toy size: oracle N(0, 1), generator N(0, 0.1)) ----
    public LstmModelSize Model { get; init; } = new(VocabularySize: 6, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 4);
    public ulong OracleSeed { get; init; } = 66;
    public int TrainingSequences { get; init; } = 2_000;
    public double GeneratorInitStd { get; init; } = 0.1;
    public int PretrainEpochs { get; init; } = 3;
    public double GeneratorLearningRate { get; init; } = 0.01;
    public int BatchSize { get; init; } = 64;
    public DiscriminatorConfig Discriminator { get; init; } = new()
    {
        VocabularySize = 6, SequenceLength = 4, EmbeddingSize = 8, FilterWidths = [1, 2, 3], FilterCounts = [8, 8, 8],
        LearningRate = 1e-3,
    };
    public int DiscriminatorEpochs { get; init; } = 3;

    // ---- the sweep ----
    /// <summary>Samples per estimate (B); with rollouts each sample also costs (T−1)·N completions.</summary>
    public IReadOnlyList<int> Batches { get; init; } = [1, 2, 4, 8, 16, 32];
    public IReadOnlyList<int> Rollouts { get; init; } = [1, 4, 16];
    public IReadOnlyList<double> Temperatures { get; init; } = [0.5, 1.0];
    /// <summary>Independent estimates per (estimator, batch): their spread is the variance.</summary>
    public int Estimates { get; init; } = 200;
    /// <summary>Discarded calls before measuring, so that a moving-average baseline and the critic settle.</summary>
    public int Warmup { get; init; } = 100;
    public double MovingAverageDecay { get; init; } = 0.9;
    public double CriticLearningRate { get; init; } = 0.01;

    public void Validate()
    {
        if (Model.VocabularySize != Discriminator.VocabularySize || Model.SequenceLength != Discriminator.SequenceLength)
            throw new ArgumentException($"preset {Name}: the discriminator reads vocabulary {Discriminator.VocabularySize} and length {Discriminator.SequenceLength}, the model has {Model.VocabularySize} and {Model.SequenceLength}");
        if (Batches.Count == 0 || Batches.Any(b => b < 1)) throw new ArgumentException($"preset {Name}: batches must be positive, got [{string.Join(", ", Batches)}]");
        if (Rollouts.Any(n => n < 1)) throw new ArgumentException($"preset {Name}: rollouts must be positive, got [{string.Join(", ", Rollouts)}]");
        if (Temperatures.Any(t => !(t > 0))) throw new ArgumentException($"preset {Name}: temperatures must be positive, got [{string.Join(", ", Temperatures)}]");
        if (Estimates < 2) throw new ArgumentException($"preset {Name}: need at least two estimates per point, got {Estimates}");
        if (Warmup < 0) throw new ArgumentException($"preset {Name}: warmup must be non-negative, got {Warmup}");
        _ = new Training.Estimators.SequenceSpace(Model.VocabularySize, Model.SequenceLength);
    }

    /// <summary>Seconds: what the tests run.</summary>
    public static EstimatorLabPreset Smoke { get; } = new()
    {
        Name = "smoke",
        Batches = [2, 8],
        Rollouts = [2],
        Temperatures = [1.0],
        Estimates = 8,
        Warmup = 4,
        TrainingSequences = 512,
        PretrainEpochs = 1,
        DiscriminatorEpochs = 1,
    };

    /// <summary>A few minutes on a 2-core CPU: the committed figure.</summary>
    public static EstimatorLabPreset Quick { get; } = new() { Name = "quick" };

    public static EstimatorLabPreset ByName(string name) => name.ToLowerInvariant() switch
    {
        "smoke" => Smoke,
        "quick" => Quick,
        _ => throw new ArgumentException($"unknown estimator-lab preset '{name}' (expected smoke or quick)"),
    };
}
