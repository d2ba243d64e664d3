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
