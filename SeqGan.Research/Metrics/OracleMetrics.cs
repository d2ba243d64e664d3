using SeqGan.Research.Tensors;

namespace SeqGan.Research.Metrics;

/// <summary>The synthetic experiment's measures of generator quality.</summary>
public static class OracleMetrics
{
    /// <summary>The metric names the kit records them under (curves, tables, progress).</summary>
    public const string NllOracleName = "NLL-oracle";
    public const string NllTestName = "NLL-test";

    public const string EntropyName = "entropy";

    /// <summary>
    /// NLL-oracle (the paper's Eq. 14): sample <paramref name="samples"/> sequences from the generator (at inverse temperature
    /// <paramref name="inverseTemperature"/>, 1: the generator itself) and return the oracle's mean per-token negative
    /// log-likelihood of them. Lower is better — and lowest for a generator that puts all its mass on the oracle's modes.
    /// </summary>
    public static double NllOracle(ISequenceSampler generator, ISequenceLikelihood oracle, int samples = 10_000, int batchSize = 2048,
        double inverseTemperature = 1)
    {
        using var scope = Torch.NewDisposeScope();
        var sequences = generator.Sample(samples, batchSize, inverseTemperature);
        return oracle.MeanNegativeLogLikelihood(sequences);  // default batch keeps the [B, T, V] log-probabilities small
    }

    /// <summary>NLL-test: the generator's own mean per-token NLL of held-out real sequences [N, T] (at inverse temperature
    /// <paramref name="inverseTemperature"/>); reads the parameters, never changes them.</summary>
    public static double NllTest(ISequenceLikelihood generator, Tensor heldOut, int batchSize = 256, double inverseTemperature = 1) =>
        generator.MeanNegativeLogLikelihood(heldOut, batchSize, inverseTemperature);

    /// <summary>
    /// The three numbers of one point of the quality–diversity frontier (Caccia et al. 2020), from one sample of
    /// <paramref name="samples"/> sequences at inverse temperature α: NLL-oracle of the sample, the generator's entropy per
    /// token (its own NLL of its own sample at α: a Monte-Carlo estimate of H(p_α)/T) and NLL-test of <paramref name="heldOut"/> at α.
    /// The oracle's entropy floor is the same estimate for the oracle: <c>oracle.MeanNegativeLogLikelihood(oracleSample)</c>.
    /// </summary>
    public static FrontierMeasures Frontier(ISequenceSampler generator, ISequenceLikelihood generatorLikelihood, ISequenceLikelihood oracle,
        Tensor heldOut, double inverseTemperature, int samples = 10_000, int batchSize = 2048)
    {
        using var scope = Torch.NewDisposeScope();
        var sequences = generator.Sample(samples, batchSize, inverseTemperature);
        return new FrontierMeasures(
            NllOracle: oracle.MeanNegativeLogLikelihood(sequences),
            NllTest: NllTest(generatorLikelihood, heldOut, inverseTemperature: inverseTemperature),
            Entropy: generatorLikelihood.MeanNegativeLogLikelihood(sequences, inverseTemperature: inverseTemperature));
    }
}

/// <summary>NLL-oracle of generated samples, NLL-test of held-out real ones and the generator's entropy, all per token, in nats.</summary>
public sealed record FrontierMeasures(double NllOracle, double NllTest, double Entropy);
