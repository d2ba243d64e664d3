using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>
/// Q(s = Y_{1:t−1}, a = y_t) by N-time Monte-Carlo search (the paper's Eq. 4): for every prefix Y_{1:t}
/// with t &lt; T, complete the sequence N times with the roll-out policy and average the scores of the
/// completions; for t = T the reward is the score of Y itself.
/// </summary>
/// <remarks>
/// All (T−1)·N·B rollouts run as one batched pass. The roll-out policy encodes Y once with teacher
/// forcing; the rollouts of prefix length t start from the recurrent state already computed for that prefix
/// and join the running batch at step t. Rows are ordered (prefix length, rollout, sequence), so a
/// column of the completed matrix is "sampled tokens of the groups already running" followed by
/// "Y's own token for the groups that have not started". All randomness is drawn up front as one
/// uniform per (prefix, rollout, sequence, position), which lets <see cref="ReferenceLoop"/> replay
/// exactly the same tokens one rollout at a time.
/// </remarks>
public static class RolloutRewards
{
    /// <summary>Rewards [B, T] for sequences [B, T]; <paramref name="uniforms"/> [T−1, N, B, T] defaults to fresh draws.</summary>
    public static Tensor Compute(ISequencePolicy policy, Tensor sequences, int rollouts, ISequenceScorer scorer, Tensor? uniforms = null)
    {
        if (rollouts < 1) throw new ArgumentOutOfRangeException(nameof(rollouts), rollouts, "need at least one rollout");
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var completions = Complete(policy, sequences, rollouts, uniforms);
        var batch = sequences.Size(0);
        var length = sequences.Size(1);
        var completionScores = scorer is IRolloutScorer structured
            ? structured.ScoreCompletions(sequences, completions, rollouts)
            : scorer.Score(completions);
        var prefixRewards = completionScores
            .Reshape(length - 1, rollouts, batch)
            .Mean(1)                    // average over the N rollouts
            .Transpose(0, 1);           // [B, T−1]: column t−1 rewards the token completing prefix length t
        var finalReward = scorer.Score(sequences).Reshape(batch, 1);
        return scope.MoveToOuter(Tensor.Cat([prefixRewards, finalReward.To(prefixRewards.DType)], 1).Contiguous());
    }

    /// <summary>The (T−1)·N·B completed rollouts [(T−1)·N·B, T], rows ordered (prefix length t = 1..T−1, rollout, sequence).</summary>
    public static Tensor Complete(ISequencePolicy policy, Tensor sequences, int rollouts, Tensor? uniforms = null)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var batch = sequences.Size(0);
        var length = (int)sequences.Size(1);
        if (length < 2) throw new ArgumentException("rollouts need sequences of at least two tokens", nameof(sequences));
        var groupRows = rollouts * batch;
        uniforms ??= DrawUniforms(length, rollouts, batch, sequences.Device);
        ValidateUniforms(uniforms, length, rollouts, batch);

        // State index t = after consuming [start, y_0 .. y_{t−1}]: its output is the distribution of y_t.
        var prefixStates = policy.PrefixStates(sequences);

        var columns = new Tensor[length];
        columns[0] = RepeatColumn(sequences, 0, length - 1, rollouts);
        RecurrentState? running = null;
        for (var k = 1; k < length; k++)
        {
            // Prefix length k starts now: N copies of the state after its last given token (rollout-major).
            var joining = prefixStates[k].Repeat(rollouts);
            running = running is null ? joining : running.Concat(joining);
            var noise = uniforms.Narrow(0, 0, k).Select(3, k).Reshape((long)k * groupRows);
            var sampled = policy.SampleNext(running, noise);
            columns[k] = k == length - 1 ? sampled : Tensor.Cat([sampled, RepeatColumn(sequences, k, length - 1 - k, rollouts)], 0);
            if (k < length - 1) running = policy.Advance(running, sampled);
        }
        return scope.MoveToOuter(Tensor.Stack(columns, 1));
    }

    /// <summary>One uniform per (prefix length, rollout, sequence, position): [T−1, N, B, T].</summary>
    public static Tensor DrawUniforms(int length, int rollouts, long batch, Device device) =>
        Tensor.Rand([length - 1, rollouts, batch, length], DType.Float32, device);

    private static void ValidateUniforms(Tensor uniforms, int length, int rollouts, long batch)
    {
        long[] expected = [length - 1, rollouts, batch, length];
        if (!uniforms.Shape.SequenceEqual(expected))
            throw new ArgumentException($"uniforms must have shape [{string.Join(", ", expected)}], got [{string.Join(", ", uniforms.Shape)}]");
    }

    /// <summary>Y[:, k] repeated for every rollout of <paramref name="prefixGroups"/> prefix groups: [groups·N·B].</summary>
    private static Tensor RepeatColumn(Tensor sequences, int k, int prefixGroups, int rollouts) =>
        sequences.Select(1, k).Unsqueeze(0).Expand((long)prefixGroups * rollouts, -1).Reshape(-1);

    /// <summary>
    /// The slow, obviously-correct version the tests compare against: every (prefix, rollout) re-encodes
    /// its prefix from scratch and samples its completion alone, one step at a time.
    /// </summary>
    public static Tensor ReferenceLoop(ISequencePolicy policy, Tensor sequences, int rollouts, ISequenceScorer scorer, Tensor uniforms)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var batch = sequences.Size(0);
        var length = (int)sequences.Size(1);
        var rewards = new List<Tensor>();
        for (var t = 1; t < length; t++)
        {
            var sum = Tensor.Zeros([batch], DType.Float32, sequences.Device);
            for (var n = 0; n < rollouts; n++)
            {
                var prefix = sequences.Narrow(1, 0, t);
                var state = policy.StartState(batch);
                var input = Tensor.Full([batch], policy.Shape.StartToken, DType.Int64, sequences.Device);
                for (var k = 0; k < t; k++)
                {
                    state = policy.Advance(state, input);
                    input = prefix.Select(1, k);
                }
                var tokens = new List<Tensor> { prefix };
                for (var k = t; k < length; k++)
                {
                    state = policy.Advance(state, input);
                    // Unfused on purpose: the reference also checks the fused sampler against softmax + cumsum + search.
                    input = policy.Logits(state).SampleRows(uniforms.Select(0, t - 1).Select(0, n).Select(1, k), areLogits: true);
                    tokens.Add(input.Unsqueeze(1));
                }
                sum = sum + scorer.Score(Tensor.Cat(tokens, 1));
            }
            rewards.Add(sum / rollouts);
        }
        rewards.Add(scorer.Score(sequences));
        return scope.MoveToOuter(Tensor.Stack(rewards, 1));
    }
}
