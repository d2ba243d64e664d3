using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>
/// Importance weights from a discriminator: with the optimal D, D(Y)/(1 − D(Y)) = p_data(Y)/p_θ(Y), so weighting the
/// generator's own samples by it estimates expectations under the data. Both boundary-seeking and MaliGAN normalise
/// the weights over the samples they have, which trades a small bias (self-normalised importance sampling, O(1/m))
/// for far less variance than the raw ratio, whose scale is unknown anyway.
/// </summary>
public static class ImportanceWeights
{
    // D is clamped away from 0 and 1 so that the log-odds stay finite: a saturated D gives ±16.1, not ±∞.
    private const double Clamp = 1e-7;

    /// <summary>log(D / (1 − D)) of probabilities [B] (computed in log space: the ratio itself overflows for confident D).</summary>
    public static Tensor LogOdds(Tensor probabilityReal)
    {
        using var scope = Torch.NewDisposeScope();
        var d = probabilityReal.Clamp(Clamp, 1 - Clamp);
        return scope.MoveToOuter(d.Log() - (1.0 - d).Log());
    }

    /// <summary>
    /// BGAN for discrete data (Hjelm et al. 2018, the discrete case): w̃_m = w_m / Σ_m' w_m' with w = D/(1−D), normalised over each
    /// group of <paramref name="groupSize"/> consecutive samples (BGAN: the M samples drawn for one noise z; here there is
    /// no z, so the default group is the whole batch). Each group sums to 1; a constant D gives uniform weights 1/m.
    /// The generator's update is Σ_m w̃_m ∇log p_θ(Y_m).
    /// </summary>
    public static Tensor BoundarySeeking(Tensor probabilityReal, int? groupSize = null)
    {
        if (probabilityReal.Dimensions != 1) throw new ArgumentException($"need D(Y) per sample, [B]; got [{string.Join(", ", probabilityReal.Shape)}]", nameof(probabilityReal));
        var batch = probabilityReal.Size(0);
        var group = groupSize ?? batch;
        if (group < 1 || batch % group != 0)
            throw new ArgumentException($"group size {group} must divide the batch of {batch} samples", nameof(groupSize));
        using var scope = Torch.NewDisposeScope();
        // softmax of the log-odds within a group = w / Σ w, without forming w.
        var weights = LogOdds(probabilityReal).Reshape(batch / group, group).Softmax(1).Reshape(batch);
        return scope.MoveToOuter(weights);
    }

    /// <summary>
    /// MaliGAN (Che et al. 2017, its generator update): Σ_i [r_D(x_i) / Σ_j r_D(x_j) − b] ∇log p_θ(x_i)
    /// with r_D = D/(1−D). Returns the per-sample coefficients r_D(x_i)/Σ_j r_D(x_j) − b. The baseline b is the paper's
    /// variance reduction; null takes b = 1/m, the mean of the normalised weights, so that the coefficients sum to 0
    /// and a constant D gives no update at all. Any b that does not depend on the samples leaves the expectation
    /// unchanged (E[∇log p] = 0). Note: geek-ai/Texygen's MaliGAN (MaliganReward.py) normalises D itself, not
    /// D/(1−D) — with D near 1/2 the two differ little, but they are different estimators (the issue Texygen#47 asks about it).
    /// </summary>
    public static Tensor MaliGan(Tensor probabilityReal, double? baseline = null, int? groupSize = null)
    {
        var group = groupSize ?? (int)probabilityReal.Size(0);
        var b = baseline ?? 1.0 / group;
        if (double.IsNaN(b) || double.IsInfinity(b)) throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "the baseline must be finite");
        using var scope = Torch.NewDisposeScope();
        return scope.MoveToOuter(BoundarySeeking(probabilityReal, groupSize) - b);
    }
}
