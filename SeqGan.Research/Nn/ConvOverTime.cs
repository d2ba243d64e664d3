using SeqGan.Research.Tensors;

namespace SeqGan.Research.Nn;

/// <summary>
/// Convolutions of several widths over a sequence of vectors, each followed by ReLU and max over time
/// (Kim 2014; the SeqGAN discriminator). Input [B, T, E]; output [B, Σ counts], filters of the first
/// width first. A width larger than T is an error, as in the paper's VALID convolutions.
/// </summary>
public sealed class ConvOverTime : Module
{
    private readonly List<(int Width, Tensor Weight, Tensor Bias)> filters = [];

    public IReadOnlyList<int> Widths { get; }
    public IReadOnlyList<int> Counts { get; }
    public long OutputSize { get; }

    /// <param name="weightInit">for weights [count, E, width]; defaults to truncated N(0, 0.1) as in the paper's code</param>
    /// <param name="biasInit">defaults to the constant 0.1 as in the paper's code</param>
    public ConvOverTime(long embeddingSize, IReadOnlyList<int> widths, IReadOnlyList<int> counts,
        Func<long[], Tensor>? weightInit = null, Func<long[], Tensor>? biasInit = null)
    {
        if (widths.Count != counts.Count || widths.Count == 0)
            throw new ArgumentException($"need one filter count per width, got {widths.Count} widths and {counts.Count} counts");
        if (widths.Any(w => w < 1) || counts.Any(c => c < 1))
            throw new ArgumentException("filter widths and counts must be positive");
        Widths = widths;
        Counts = counts;
        weightInit ??= s => Init.TruncatedNormal(s, 0.1);
        biasInit ??= s => Init.Constant(s, 0.1);
        for (var i = 0; i < widths.Count; i++)
        {
            var weight = RegisterParameter($"W{widths[i]}", weightInit([counts[i], embeddingSize, widths[i]]));
            var bias = RegisterParameter($"b{widths[i]}", biasInit([counts[i]]));
            filters.Add((widths[i], weight, bias));
        }
        OutputSize = counts.Sum();
    }

    /// <summary>
    /// Forward for Monte-Carlo rollouts, sharing work across them: <paramref name="completions"/> [G·N·B, T, E]
    /// are N completions of each of G = T−1 prefixes of <paramref name="sequences"/> [B, T, E] (rows ordered
    /// prefix length, rollout, sequence — see RolloutRewards). A window lying entirely inside a prefix sees the
    /// original sequence's tokens, so its value is taken from the original's feature map (computed once)
    /// instead of being recomputed N times; only windows touching a sampled position are convolved.
    /// Equal to <see cref="Forward"/> on the completions.
    /// </summary>
    public Tensor ForwardCompletions(Tensor sequences, Tensor completions, int rollouts)
    {
        var batch = sequences.Size(0);
        var length = (int)sequences.Size(1);
        var groupRows = rollouts * batch;
        if (completions.Size(0) != (length - 1) * groupRows)
            throw new ArgumentException($"expected {(length - 1) * groupRows} completions for {batch} sequences, {rollouts} rollouts and {length - 1} prefixes, got {completions.Size(0)}");
        var originals = sequences.Transpose(1, 2);     // [B, E, T]
        var completed = completions.Transpose(1, 2);   // [R, E, T]
        var perWidth = new List<Tensor>(filters.Count);
        foreach (var (width, weight, bias) in filters)
        {
            if (width > length) throw new ArgumentException($"filter width {width} is longer than the sequence length {length}");
            // Best window among starts 0..s of the original sequence, after ReLU: [B, F, T−w+1].
            var prefixBest = originals.Conv1d(weight, bias).Relu().CumMax(2);
            var groups = new List<Tensor>(length - 1);
            for (var prefix = 1; prefix < length; prefix++)
            {
                var rows = completed.Narrow(0, (long)(prefix - 1) * groupRows, groupRows);
                var firstNewStart = Math.Max(0, prefix - width + 1);   // first window containing a sampled token
                var fresh = rows.Narrow(2, firstNewStart, length - firstNewStart).Conv1d(weight, bias).Relu().Max(dim: 2);
                if (prefix - width < 0) { groups.Add(fresh); continue; }
                var inherited = prefixBest.Select(2, prefix - width)    // [B, F]: windows wholly inside the prefix
                    .Unsqueeze(0).Expand(rollouts, -1, -1).Reshape(groupRows, -1);
                groups.Add(fresh.Maximum(inherited));
            }
            perWidth.Add(Tensor.Cat(groups, 0));
        }
        return Tensor.Cat(perWidth, 1);
    }

    public Tensor Forward(Tensor sequence)
    {
        var length = sequence.Size(1);
        var channelsFirst = sequence.Transpose(1, 2);  // [B, E, T]: conv1d's layout
        var pooled = new List<Tensor>(filters.Count);
        foreach (var (width, weight, bias) in filters)
        {
            if (width > length)
                throw new ArgumentException($"filter width {width} is longer than the sequence length {length}");
            pooled.Add(channelsFirst.Conv1d(weight, bias).Relu().Max(dim: 2));
        }
        return Tensor.Cat(pooled, 1);
    }
}
