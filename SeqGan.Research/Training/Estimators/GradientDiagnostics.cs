using System.Diagnostics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>Independent estimates of one estimator at one batch size, each a flattened gradient.</summary>
public sealed record GradientSamples(string Estimator, EstimatorTarget Target, bool IsUnbiased, int Batch,
    IReadOnlyList<double[]> Estimates, double RewardEvaluationsPerEstimate, double SecondsPerEstimate)
{
    public double[] Mean()
    {
        var mean = new double[Estimates[0].Length];
        foreach (var estimate in Estimates)
            for (var i = 0; i < mean.Length; i++) mean[i] += estimate[i] / Estimates.Count;
        return mean;
    }

    /// <summary>Standard error of <see cref="Mean"/> per coordinate: sample standard deviation / √K.</summary>
    public double[] StandardError()
    {
        if (Estimates.Count < 2) throw new InvalidOperationException("a standard error needs at least two estimates");
        var mean = Mean();
        var error = new double[mean.Length];
        foreach (var estimate in Estimates)
            for (var i = 0; i < mean.Length; i++) error[i] += (estimate[i] - mean[i]) * (estimate[i] - mean[i]);
        for (var i = 0; i < error.Length; i++) error[i] = Math.Sqrt(error[i] / (Estimates.Count - 1) / Estimates.Count);
        return error;
    }
}

/// <summary>
/// Bias and variance of one estimator against the exact gradient g, relative to |g|: the mean cosine of single
/// estimates to g, the relative RMSE √E|ĝ − g|² / |g|, the relative bias |E ĝ − g| / |g| (the noise of the mean
/// over K estimates subtracted from its square) and the relative standard deviation √E|ĝ − E ĝ|² / |g|.
/// </summary>
public sealed record EstimatorDiagnostics(string Estimator, EstimatorTarget Target, bool IsUnbiased, int Batch, int Estimates,
    double RewardEvaluations, double MeanCosine, double RelativeRmse, double RelativeBias, double RelativeStandardDeviation,
    double SecondsPerEstimate);

/// <summary>Draws estimates and compares them with the exact gradient.</summary>
public static class GradientDiagnostics
{
    /// <summary>
    /// <paramref name="estimates"/> independent estimates from batches of <paramref name="batch"/> samples, after
    /// <paramref name="warmup"/> discarded calls (which let a moving-average baseline or a critic settle). The generator is
    /// not changed; the reward is counted (<see cref="CountingScorer"/>) to report the compute per estimate.
    /// </summary>
    public static GradientSamples Draw(IGradientEstimator estimator, LstmLanguageModel generator, ISequenceScorer reward, int batch,
        int estimates, int warmup = 0, CancellationToken cancellation = default)
    {
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "need at least one sample per estimate");
        if (estimates < 1) throw new ArgumentOutOfRangeException(nameof(estimates), estimates, "need at least one estimate");
        var counting = new CountingScorer(reward);
        for (var i = 0; i < warmup; i++) Estimate(estimator, generator, counting, batch, cancellation);
        counting.Reset();
        var results = new List<double[]>(estimates);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < estimates; i++) results.Add(Estimate(estimator, generator, counting, batch, cancellation));
        return new GradientSamples(estimator.Name, estimator.Target, estimator.IsUnbiased, batch, results,
            (double)counting.ScoredSequences / estimates, watch.Elapsed.TotalSeconds / estimates);
    }

    /// <summary>One estimate: the gradient of the estimator's surrogate, flattened over the generator's parameters.</summary>
    public static double[] Estimate(IGradientEstimator estimator, LstmLanguageModel generator, ISequenceScorer reward, int batch,
        CancellationToken cancellation = default)
    {
        Interruption.ThrowIfRequested(cancellation);
        using var scope = Torch.NewDisposeScope();
        generator.ZeroGrad();
        estimator.Surrogate(generator, reward, batch).Backward();
        var gradient = ParameterGradients.Flatten(generator.Parameters());
        generator.ZeroGrad();
        return gradient;
    }

    public static EstimatorDiagnostics Summarise(GradientSamples samples, double[] exact)
    {
        var norm = Norm(exact);
        if (norm == 0) throw new ArgumentException("the exact gradient is zero: relative errors are undefined", nameof(exact));
        var mean = samples.Mean();
        var count = samples.Estimates.Count;
        double squaredError = 0, spread = 0, cosine = 0;
        foreach (var estimate in samples.Estimates)
        {
            squaredError += SquaredDistance(estimate, exact) / count;
            spread += SquaredDistance(estimate, mean) / count;
            cosine += Cosine(estimate, exact) / count;
        }
        // |mean − g|² overstates the squared bias by the variance of the mean, spread / (K − 1).
        var squaredBias = SquaredDistance(mean, exact) - (count > 1 ? spread / (count - 1) : 0);
        return new EstimatorDiagnostics(samples.Estimator, samples.Target, samples.IsUnbiased, samples.Batch, count,
            samples.RewardEvaluationsPerEstimate, cosine, Math.Sqrt(squaredError) / norm, Math.Sqrt(Math.Max(0, squaredBias)) / norm,
            Math.Sqrt(spread * count / Math.Max(1, count - 1)) / norm, samples.SecondsPerEstimate);
    }

    /// <summary>(mean − exact) / standard error per coordinate; coordinates with no spread are left out.
    /// For an unbiased estimator these are approximately standard normal.</summary>
    public static double[] ZScores(GradientSamples samples, double[] exact)
    {
        var mean = samples.Mean();
        var error = samples.StandardError();
        var scale = error.Max();
        return Enumerable.Range(0, mean.Length)
            .Where(i => error[i] > 1e-9 * scale)
            .Select(i => (mean[i] - exact[i]) / error[i])
            .ToArray();
    }

    public static double Cosine(double[] a, double[] b)
    {
        double dot = 0;
        for (var i = 0; i < a.Length; i++) dot += a[i] * b[i];
        var norms = Norm(a) * Norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    public static double Norm(double[] a) => Math.Sqrt(a.Sum(x => x * x));

    private static double SquaredDistance(double[] a, double[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"gradients of different sizes: {a.Length} and {b.Length}");
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum;
    }
}
