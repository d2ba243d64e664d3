using SeqGan.Research.Tensors;

namespace SeqGan.Research.Metrics;

/// <summary>The synthetic experiment's measures of generator quality.</summary>
public static class OracleMetrics
{
    /// <summary>The metric names the kit records them under (curves, tables, progress).</summary>
    public const string NllOracleName = "NLL-oracle";
    public const string NllTestName = "NLL-test";

    /// <summary>
    /// NLL-oracle (the paper's Eq. 14): sample <paramref name="samples"/> sequences from the generator and
    /// return the oracle's mean per-token negative log-likelihood of them. Lower is better.
    /// </summary>
    public static double NllOracle(ISequenceSampler generator, ISequenceLikelihood oracle, int samples = 10_000, int batchSize = 2048)
    {
        using var scope = Torch.NewDisposeScope();
        var sequences = generator.Sample(samples, batchSize);
        return oracle.MeanNegativeLogLikelihood(sequences);  // default batch keeps the [B, T, V] log-probabilities small
    }

    /// <summary>NLL-test: the generator's own mean per-token NLL of held-out real sequences [N, T].</summary>
    public static double NllTest(ISequenceLikelihood generator, Tensor heldOut, int batchSize = 256) =>
        generator.MeanNegativeLogLikelihood(heldOut, batchSize);
}
