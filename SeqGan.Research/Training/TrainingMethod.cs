namespace SeqGan.Research.Training;

/// <summary>
/// What one run of the trainer does with the seed's MLE-pretrained generator: a row of a table, as data.
/// <see cref="Label"/> names the row (and its curve); <see cref="Session"/> its checkpoint folder and the name its seed
/// is hashed from (so a method's numbers do not depend on which others ran).
/// </summary>
public abstract record TrainingMethod(string Label, string Session);

/// <summary>The generator before any training (Table 1's "Random"); needs <see cref="SeqGanSettings.EvaluateUntrained"/>.</summary>
public sealed record UntrainedMethod(string Label = "Random") : TrainingMethod(Label, "pretrain");

/// <summary>The generator right after MLE pretraining (ORGAN's "MLE"); needs <see cref="SeqGanSettings.EvaluatePretrained"/>.</summary>
public sealed record PretrainedMethod(string Label = "MLE") : TrainingMethod(Label, "pretrain");

/// <summary>MLE continued for <see cref="SeqGanSettings.BaselineEpochs"/> epochs with the pretraining Adam (the MLE baseline).</summary>
public sealed record MleMethod(string Label = "MLE", string Session = "mle") : TrainingMethod(Label, Session);

/// <summary>
/// MLE selected on held-out likelihood (model selection by early stopping, beside <see cref="MleMethod"/>'s fixed schedule):
/// a fresh generator (not the shared pretrained one, which has seen every training sequence) trained by MLE on the training
/// data less a validation split of <paramref name="ValidationFraction"/>, for up to PretrainEpochs + BaselineEpochs epochs;
/// the generator of the epoch with the lowest NLL on the validation split is the result.
/// </summary>
public sealed record EarlyStoppedMleMethod(double ValidationFraction = 0.1, string Label = "MLE (early-stopped)", string Session = "mle-earlystopped")
    : TrainingMethod(Label, Session);

/// <summary>Scheduled sampling (Bengio et al. 2015) for <see cref="SeqGanSettings.BaselineEpochs"/> epochs, ε by <paramref name="Schedule"/>.</summary>
public sealed record ScheduledSamplingMethod(ScheduledSamplingSchedule Schedule, string Label = "SS", string Session = "scheduledsampling")
    : TrainingMethod(Label, Session);

/// <summary>Algorithm 1's adversarial loop (lines 4–19) with <paramref name="Reward"/> and <paramref name="Strategy"/>.
/// SeqGAN is <c>Rewards.Discriminator</c>; PG-BLEU <c>Rewards.OriginalPgBleu</c>; ORGAN <c>Rewards.Organ(objective, λ)</c>.</summary>
public sealed record AdversarialMethod(string Label, string Session, RewardFactory Reward, AdversarialStrategy Strategy) : TrainingMethod(Label, Session)
{
    /// <summary>Rollouts per generator step for this method (null: the settings' <see cref="SeqGanSettings.Rollouts"/>);
    /// the original PG-BLEU ran 1 (pg_bleu.py:165) where SeqGAN ran 16.</summary>
    public int? Rollouts { get; init; }

    /// <summary>The generator's Adam rate in this method's loop (null: the settings' adversarial rate); the original
    /// PG-BLEU's generator ignores its learning rate for Adam's default 1e-3 (pg_bleu.py:36-37).</summary>
    public double? LearningRate { get; init; }
}

/// <summary>What a run produced: its curve (from its first point, where pretraining ended), its final scores and its
/// training time over every resumed part of its session (for the untrained and pretrained generator: the pretraining's).</summary>
public sealed record RunResult(string Label, int Seed, string Session, IReadOnlyList<CurvePoint> Curve, Evaluation Evaluation, double WallSeconds);
