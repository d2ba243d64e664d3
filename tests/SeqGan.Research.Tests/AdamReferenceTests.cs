using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>Adam against Kingma &amp; Ba's Algorithm 1 worked out in plain doubles, on
/// loss(w) = Σ c ⊙ (w − t)², whose gradient 2c ⊙ (w − t) needs no autograd to state.</summary>
public class AdamReferenceTests
{
    private static readonly double[] Start = [0.5, -1.5, 2.0];
    private static readonly double[] Target = [1.0, 0.5, -1.0];
    private static readonly double[] Curvature = [1.0, 3.0, 0.05];

    // Non-default betas and a large epsilon, so that a wrong bias correction or epsilon placement shows.
    private const double LearningRate = 0.1, Beta1 = 0.8, Beta2 = 0.9, Epsilon = 1e-2;

    private static double[][] Reference(int steps, double weightDecay)
    {
        var w = (double[])Start.Clone();
        var m = new double[w.Length];
        var v = new double[w.Length];
        var trajectory = new List<double[]>();
        for (var t = 1; t <= steps; t++)
        {
            for (var i = 0; i < w.Length; i++)
            {
                var g = 2 * Curvature[i] * (w[i] - Target[i]) + weightDecay * w[i];
                m[i] = Beta1 * m[i] + (1 - Beta1) * g;
                v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
                var mHat = m[i] / (1 - Math.Pow(Beta1, t));
                var vHat = v[i] / (1 - Math.Pow(Beta2, t));
                w[i] -= LearningRate * mHat / (Math.Sqrt(vHat) + Epsilon);
            }
            trajectory.Add((double[])w.Clone());
        }
        return [.. trajectory];
    }

    private static double[][] Run(int steps, double weightDecay)
    {
        using var scope = Torch.NewDisposeScope();
        var w = Tensor.From((double[])Start.Clone());
        w.RequiresGrad = true;
        var target = Tensor.From(Target);
        var curvature = Tensor.From(Curvature);
        using var adam = new Adam([w], LearningRate, Beta1, Beta2, Epsilon, weightDecay);
        var trajectory = new List<double[]>();
        for (var t = 0; t < steps; t++)
        {
            using var stepScope = Torch.NewDisposeScope();
            adam.ZeroGrad();
            (curvature * (w - target).Square()).Sum().Backward();
            adam.Step();
            trajectory.Add(w.ToArray<double>());
        }
        Assert.Equal(steps, adam.StepCount);
        return [.. trajectory];
    }

    private static void AssertTrajectoriesEqual(double[][] expected, double[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var t = 0; t < expected.Length; t++)
            for (var i = 0; i < expected[t].Length; i++)
                Assert.True(Math.Abs(expected[t][i] - actual[t][i]) <= 1e-12,
                    $"step {t + 1}, w[{i}]: reference {expected[t][i]:R}, Adam {actual[t][i]:R}");
    }

    [Fact]
    public void ThreeStepsMatchTheHandComputedReference()
    {
        var actual = Run(3, weightDecay: 0);
        AssertTrajectoriesEqual(Reference(3, weightDecay: 0), actual);
        Assert.All(actual[^1].Zip(Start), pair => Assert.NotEqual(pair.Second, pair.First));
    }

    [Fact]
    public void WeightDecayAddsL2ToTheGradientAndChangesTheResult()
    {
        var decayed = Run(3, weightDecay: 0.5);
        AssertTrajectoriesEqual(Reference(3, weightDecay: 0.5), decayed);
        var plain = Run(3, weightDecay: 0);
        Assert.True(decayed[^1].Zip(plain[^1]).Max(p => Math.Abs(p.First - p.Second)) > 1e-3, "weight decay made no difference");
    }

    [Fact]
    public void MomentsInTheStateMatchTheReference()
    {
        using var scope = Torch.NewDisposeScope();
        var w = Tensor.From((double[])Start.Clone());
        w.RequiresGrad = true;
        using var adam = new Adam([w], LearningRate, Beta1, Beta2, Epsilon);
        (Tensor.From(Curvature) * (w - Tensor.From(Target)).Square()).Sum().Backward();
        adam.Step();

        var (state, stepCount) = adam.State();
        try
        {
            Assert.Equal(1, stepCount);
            var g = Start.Select((x, i) => 2 * Curvature[i] * (x - Target[i])).ToArray();
            Assert.Equal(g.Select(x => (1 - Beta1) * x), state["m.0"].ToArray<double>(), (a, b) => Math.Abs(a - b) < 1e-15);
            Assert.Equal(g.Select(x => (1 - Beta2) * x * x), state["v.0"].ToArray<double>(), (a, b) => Math.Abs(a - b) < 1e-15);
        }
        finally
        {
            foreach (var t in state.Values) t.Dispose();
        }
    }
}
