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
    /// Forward for Monte-Carlo rollouts, sharing work across them, from token ids and the embedding table
    /// <paramref name="embedding"/> [V, E]: <paramref name="completions"/> [G·N·B, T] are N completions of each of
    /// G = T−1 prefixes of <paramref name="sequences"/> [B, T] (rows ordered prefix length, rollout, sequence — see
    /// RolloutRewards). A window lying entirely inside a prefix sees the original sequence's tokens, so its value is
    /// taken from the original's feature map (computed once) instead of being recomputed N times; only windows
    /// touching a sampled position are evaluated. When there are many of them (rollouts at the paper's sizes) they are
    /// evaluated through per-token projection tables (<see cref="Tensor.WindowMaxFromEmbedding"/>): the same values
    /// as <see cref="Forward"/> on the embedded completions up to float rounding (a different order of summation).
    /// </summary>
    public Tensor ForwardCompletions(Tensor embedding, Tensor sequences, Tensor completions, int rollouts)
    {
        var batch = sequences.Size(0);
        var length = (int)sequences.Size(1);
        var groupRows = rollouts * batch;
        if (completions.Size(0) != (length - 1) * groupRows)
            throw new ArgumentException($"expected {(length - 1) * groupRows} completions for {batch} sequences, {rollouts} rollouts and {length - 1} prefixes, got {completions.Size(0)}");
        var originals = embedding.Embedding(sequences).Transpose(1, 2);    // [B, E, T]
        var useTables = UseProjectionTables(embedding, completions, length);
        var completed = useTables ? null : embedding.Embedding(completions).Transpose(1, 2);   // [R, E, T]
        var perWidth = new List<Tensor>(filters.Count);
        foreach (var (width, weight, bias) in filters)
        {
            if (width > length) throw new ArgumentException($"filter width {width} is longer than the sequence length {length}");
            // Best window among starts 0..s of the original sequence, after ReLU: [B, F, T−w+1].
            var prefixBest = originals.Conv1d(weight, bias).Relu().CumMax(2);
            var fresh = useTables
                ? embedding.WindowMaxFromEmbedding(weight, bias, completions, FirstFreshStarts(length, width, groupRows, completions.Device))
                : FreshWindowsDense(completed!, weight, bias, width, length, groupRows);
            var groups = new List<Tensor>(length - 1);
            for (var prefix = 1; prefix < length; prefix++)
            {
                var rows = fresh.Narrow(0, (long)(prefix - 1) * groupRows, groupRows);
                if (prefix - width < 0) { groups.Add(rows); continue; }
                var inherited = prefixBest.Select(2, prefix - width)    // [B, F]: windows wholly inside the prefix
                    .Unsqueeze(0).Expand(rollouts, -1, -1).Reshape(groupRows, -1);
                groups.Add(rows.Maximum(inherited));
            }
            perWidth.Add(Tensor.Cat(groups, 0));
        }
        return Tensor.Cat(perWidth, 1);
    }

    /// <summary>The first window containing a sampled token, per completion row: max(0, t − w + 1) for prefix length t.</summary>
    private static Tensor FirstFreshStarts(int length, int width, long groupRows, Device device)
    {
        var starts = new long[(length - 1) * groupRows];
        for (var prefix = 1; prefix < length; prefix++)
            Array.Fill(starts, Math.Max(0, prefix - width + 1), (int)((prefix - 1) * groupRows), (int)groupRows);
        return Tensor.From(starts).To(device);
    }

    private static Tensor FreshWindowsDense(Tensor completed, Tensor weight, Tensor bias, int width, int length, long groupRows)
    {
        var groups = new List<Tensor>(length - 1);
        for (var prefix = 1; prefix < length; prefix++)
        {
            var rows = completed.Narrow(0, (long)(prefix - 1) * groupRows, groupRows);
            var firstNewStart = Math.Max(0, prefix - width + 1);
            groups.Add(rows.Narrow(2, firstNewStart, length - firstNewStart).Conv1d(weight, bias).Relu().Max(dim: 2));
        }
        return Tensor.Cat(groups, 0);
    }

    /// <summary>Tables cost one [V, E]·[E, w·F] product per width; they pay off once the windows to score far
    /// outnumber the vocabulary (each window then costs w adds of F instead of 2·w·E·F multiply-adds).
    /// CPU float32 only (the bridge's kernel).</summary>
    private static bool UseProjectionTables(Tensor embedding, Tensor completions, int length) =>
        embedding.Device == Device.Cpu && embedding.DType == DType.Float32 &&
        completions.Size(0) * (length / 2) >= 4 * embedding.Size(0);

    /// <summary>Input [B, T, E] → [B, Σ counts]; each width through <see cref="Tensor.ConvReluMaxOverTime"/>.</summary>
    public Tensor Forward(Tensor sequence)
    {
        var length = sequence.Size(1);
        var pooled = new List<Tensor>(filters.Count);
        foreach (var (width, weight, bias) in filters)
        {
            if (width > length)
                throw new ArgumentException($"filter width {width} is longer than the sequence length {length}");
            pooled.Add(sequence.ConvReluMaxOverTime(weight, bias));
        }
        return Tensor.Cat(pooled, 1);
    }
}
