using SeqGan.Research.Models;

namespace SeqGan.Research.Training;

/// <summary>Where the discriminator's real examples come from in each round.</summary>
public enum DiscriminatorPositives
{
    /// <summary>Every real training sequence (the original code pairs its 10,000 real with 10,000 generated ones).</summary>
    AllReal,
    /// <summary>As many real sequences as negatives, drawn at random each round: balanced classes however large the corpus.</summary>
    AsManyAsNegatives,
}

/// <summary>When the discriminator is pretrained (Algorithm 1, lines 4–5).</summary>
public enum DiscriminatorPretraining
{
    /// <summary>Inside each adversarial run's own session, from a fresh discriminator (SeqGAN's table rows).</summary>
    PerRun,
    /// <summary>Once per seed in a session of its own; every adversarial run starts from that discriminator (ORGAN: seven
    /// runs per seed share one pretrained D, as they share one pretrained G).</summary>
    OncePerSeed,
}

/// <summary>
/// Every setting of Algorithm 1 in one shape, shared by the oracle, real-data and ORGAN experiments (their presets
/// derive from it and add their data): the parts (generator, discriminator, reward — data, so an ablation is one
/// <c>with { … }</c>), the schedule and the evaluation cadence. Defaults are the original SeqGAN code's.
/// </summary>
public abstract record SeqGanSettings
{
    public required string Name { get; init; }

    // ---- the generator and MLE (lines 1–2) ----
    public GeneratorFactory Generator { get; init; } = new LstmGeneratorFactory();
    /// <summary>Adam's rate for MLE (pretraining and the MLE / scheduled-sampling baselines).</summary>
    public double GeneratorLearningRate { get; init; } = 0.01;
    public double GradientClip { get; init; } = 5.0;
    public int BatchSize { get; init; } = 64;
    public int PretrainEpochs { get; init; } = 120;
    /// <summary>Epochs of continued MLE or scheduled sampling after pretraining (the baselines' budget).</summary>
    public int BaselineEpochs { get; init; } = 80;

    // ---- the discriminator (lines 4–5, 14–17) ----
    public DiscriminatorFactory Discriminator { get; init; } = new CnnDiscriminatorFactory();
    public int DiscriminatorPretrainRounds { get; init; } = 50;
    public int DiscriminatorPretrainEpochs { get; init; } = 3;
    /// <summary>Generated sequences per discriminator round (fresh every round).</summary>
    public int NegativeSamples { get; init; } = 10_000;
    public DiscriminatorPositives Positives { get; init; } = DiscriminatorPositives.AllReal;
    public DiscriminatorPretraining DiscriminatorPretraining { get; init; } = DiscriminatorPretraining.PerRun;

    // ---- the adversarial phase (lines 6–19) ----
    /// <summary>The reward of the SeqGAN rows (<see cref="Rewards.Discriminator"/>: D(Y)); other rows name their own.</summary>
    public RewardFactory Reward { get; init; } = Rewards.Discriminator;
    /// <summary>Adam's rate for the policy-gradient updates (a fresh Adam, as the original code's); null: <see cref="GeneratorLearningRate"/>.</summary>
    public double? AdversarialLearningRate { get; init; }
    public int AdversarialIterations { get; init; } = 200;
    public AdversarialStrategy Strategy { get; init; } = new(1, 5, 3);
    /// <summary>N of the Monte-Carlo search (Eq. 4).</summary>
    public int Rollouts { get; init; } = 16;
    public RolloutPolicyKind RolloutPolicy { get; init; } = RolloutPolicyKind.CurrentGenerator;
    /// <summary>β of the delayed copy (<see cref="RolloutPolicyKind.DelayedCopy"/> only).</summary>
    public double RolloutUpdateRate { get; init; } = 0.8;

    // ---- evaluation and bookkeeping ----
    /// <summary>Curve evaluations every this many MLE epochs (and at the end of each phase).</summary>
    public int EvaluateEveryEpochs { get; init; } = 5;
    /// <summary>Count pretraining's evaluations from its first epoch, as the original code does (<c>if epoch % 5 == 0</c>
    /// after training 0-based epoch E: after 1, 6, 11, … epochs; e2b52fb sequence_gan.py:113, 4152436
    /// MLE_SeqGAN/sequence_gan.py:165), instead of after 5, 10, … epochs. Pretraining ends with an evaluation either way.</summary>
    public bool EvaluateFromFirstEpoch { get; init; }
    /// <summary>Curve evaluations every this many adversarial iterations (and at the end).</summary>
    public int EvaluateEveryIterations { get; init; } = 5;
    /// <summary>Score the untrained generator (Table 1's Random row).</summary>
    public bool EvaluateUntrained { get; init; }
    /// <summary>Score the generator right after MLE pretraining (ORGAN's MLE row).</summary>
    public bool EvaluatePretrained { get; init; }
    public int CheckpointEvery { get; init; } = 10;
    /// <summary>Prefix of the names the sessions' seeds are hashed from (<see cref="SessionSeeds.For"/>); ORGAN's runs
    /// have always been seeded under "organ".</summary>
    public string? SeedScope { get; init; }

    public double AdversarialRate => AdversarialLearningRate ?? GeneratorLearningRate;

    /// <summary>Whether MLE pretraining is evaluated after 0-based epoch <paramref name="epoch"/>.</summary>
    public bool EvaluatesAfterPretrainEpoch(int epoch) =>
        (EvaluateFromFirstEpoch ? epoch : epoch + 1) % EvaluateEveryEpochs == 0 || epoch + 1 == PretrainEpochs;

    /// <summary>Checks the settings fit together; throws naming the offending setting.</summary>
    public virtual void Validate()
    {
        Positive(BatchSize, nameof(BatchSize));
        Positive(Rollouts, nameof(Rollouts));
        Positive(NegativeSamples, nameof(NegativeSamples));
        Positive(EvaluateEveryEpochs, nameof(EvaluateEveryEpochs));
        Positive(EvaluateEveryIterations, nameof(EvaluateEveryIterations));
        Positive(CheckpointEvery, nameof(CheckpointEvery));
        foreach (var (value, name) in new[] { (PretrainEpochs, nameof(PretrainEpochs)), (BaselineEpochs, nameof(BaselineEpochs)),
                     (DiscriminatorPretrainRounds, nameof(DiscriminatorPretrainRounds)), (DiscriminatorPretrainEpochs, nameof(DiscriminatorPretrainEpochs)),
                     (AdversarialIterations, nameof(AdversarialIterations)) })
            if (value < 0) throw new ArgumentException($"preset {Name}: {name} must not be negative, got {value}");
        if (Strategy.GeneratorSteps < 0 || Strategy.DiscriminatorSteps < 0 || Strategy.DiscriminatorEpochs < 0)
            throw new ArgumentException($"preset {Name}: every count of the strategy ({Strategy}) must not be negative");
        if (RolloutUpdateRate is < 0 or > 1) throw new ArgumentException($"preset {Name}: RolloutUpdateRate must lie in [0, 1], got {RolloutUpdateRate}");
    }

    protected void Positive(int value, string name)
    {
        if (value < 1) throw new ArgumentException($"preset {Name}: {name} must be at least 1, got {value}");
    }
}
