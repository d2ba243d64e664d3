using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training.Estimators;

/// <summary>
/// Per-step rewards to returns: G_t = Σ_{s≥t} γ^{s−t} r_s (the reward-to-go; each token is credited only with what
/// follows it). With γ = 1 the policy gradient Σ_t G_t ∇log p(y_t | y_&lt;t) is unbiased for ∇E[Σ_t r_t]; γ &lt; 1 lowers
/// the variance by discounting distant rewards and is then biased for that objective — the trade MaskGAN makes
/// (Fedus et al. 2018; its code sums γ^(s−t)·r_s the same way, tensorflow/models research/maskgan/model_utils/
/// model_losses.py, calculate_reinforce_objective, and its README's run uses rl_discount_rate = 0.89072). The original SeqGAN generator declares a reward_gamma of 0.95 and never uses it
/// (LantaoYu/SeqGAN generator.py:8,16).
/// </summary>
public static class DiscountedReturns
{
    /// <summary>Returns [B, T] of per-step rewards [B, T].</summary>
    public static Tensor Compute(Tensor rewards, double gamma)
    {
        if (gamma is < 0 or > 1 || double.IsNaN(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "the discount γ must be in [0, 1]");
        if (rewards.Dimensions != 2) throw new ArgumentException($"rewards must be [batch, length], got [{string.Join(", ", rewards.Shape)}]", nameof(rewards));
        using var scope = Torch.NewDisposeScope();
        var length = (int)rewards.Size(1);
        var returns = new Tensor[length];
        returns[length - 1] = rewards.Select(1, length - 1);
        for (var t = length - 2; t >= 0; t--) returns[t] = rewards.Select(1, t) + returns[t + 1] * gamma;
        return scope.MoveToOuter(Tensor.Stack(returns, 1));
    }
}
