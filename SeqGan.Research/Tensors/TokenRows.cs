namespace SeqGan.Research.Tensors;

/// <summary>Token matrices on the host: what BLEU, objectives and decoders read.</summary>
public static class TokenRows
{
    /// <summary>The rows of tokens [N, T] as int64 arrays on the host (one copy from the device).</summary>
    public static long[][] ToHost(Tensor tokens)
    {
        var width = (int)tokens.Size(1);
        var flat = tokens.To(DType.Int64, Device.Cpu).ToArray<long>();
        var rows = new long[tokens.Size(0)][];
        for (var i = 0; i < rows.Length; i++) rows[i] = flat.AsSpan(i * width, width).ToArray();
        return rows;
    }
}
