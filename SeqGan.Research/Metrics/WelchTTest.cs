namespace SeqGan.Research.Metrics;

/// <summary>Result of Welch's unequal-variance t-test between two samples.</summary>
public sealed record WelchTTestResult(double T, double DegreesOfFreedom, double TwoSidedP);

/// <summary>Welch's t-test: does the mean of <c>a</c> differ from the mean of <c>b</c>, without assuming equal variances?</summary>
public static class WelchTTest
{
    public static WelchTTestResult Compare(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2 || b.Count < 2)
            throw new ArgumentException($"Welch's t-test needs at least two values per sample (got {a.Count} and {b.Count})");
        var (meanA, varA) = MeanAndVariance(a);
        var (meanB, varB) = MeanAndVariance(b);
        var seA = varA / a.Count;
        var seB = varB / b.Count;
        var standardError = Math.Sqrt(seA + seB);
        if (standardError == 0)
            return meanA == meanB ? new WelchTTestResult(0, double.NaN, 1.0) : new WelchTTestResult(double.PositiveInfinity * Math.Sign(meanA - meanB), double.NaN, 0.0);
        var t = (meanA - meanB) / standardError;
        var df = (seA + seB) * (seA + seB) / (seA * seA / (a.Count - 1) + seB * seB / (b.Count - 1));
        return new WelchTTestResult(t, df, StudentT.TwoSidedP(t, df));
    }

    /// <summary>Mean and unbiased (n − 1) variance.</summary>
    public static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0.0;
        return (mean, variance);
    }
}

/// <summary>Student's t distribution tail probabilities through the regularized incomplete beta function.</summary>
public static class StudentT
{
    /// <summary>P(|T| ≥ |t|) for T ~ Student-t with <paramref name="degreesOfFreedom"/> (real-valued) degrees of freedom.</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t)) return double.NaN;
        if (double.IsInfinity(t)) return 0;
        var x = degreesOfFreedom / (degreesOfFreedom + t * t);
        return IncompleteBeta.Regularized(degreesOfFreedom / 2, 0.5, x);
    }
}

/// <summary>I_x(a, b) by Lentz's continued fraction (converges fast for x &lt; (a+1)/(a+b+2); symmetry otherwise).</summary>
public static class IncompleteBeta
{
    public static double Regularized(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logFront) * ContinuedFraction(a, b, x) / a
            : 1 - Math.Exp(logFront) * ContinuedFraction(b, a, 1 - x) / b;
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
        var result = d;
        for (var m = 1; m <= 10_000; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d; d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = 1 + even / c; c = Math.Abs(c) < tiny ? tiny : c;
            result *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d; d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = 1 + odd / c; c = Math.Abs(c) < tiny ? tiny : c;
            var delta = d * c;
            result *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }
        return result;
    }

    /// <summary>ln Γ(x) by the Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++) sum += coefficients[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
