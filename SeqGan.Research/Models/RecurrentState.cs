using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// The state a sequence policy carries from one token to the next, for a batch of rows: any number of tensors, each
/// with the batch in its first dimension — [h, c] for an LSTM, [h] for a GRU, a cache for another model. Rollouts only
/// ever copy and join rows, so the state's inside stays the policy's own business.
/// </summary>
public sealed class RecurrentState
{
    public RecurrentState(params Tensor[] parts)
    {
        if (parts.Length == 0) throw new ArgumentException("a recurrent state needs at least one tensor", nameof(parts));
        var rows = parts[0].Size(0);
        if (parts.Any(p => p.Dimensions < 1 || p.Size(0) != rows))
            throw new ArgumentException($"every part of a recurrent state must have the batch ({rows} rows) first, got shapes " +
                string.Join(", ", parts.Select(p => $"[{string.Join(", ", p.Shape)}]")), nameof(parts));
        Parts = parts;
    }

    public IReadOnlyList<Tensor> Parts { get; }

    public long BatchSize => Parts[0].Size(0);

    /// <summary><paramref name="copies"/> copies of every row, copy-major: row c·B + b is copy c of row b.</summary>
    public RecurrentState Repeat(int copies) => new(Parts.Select(part =>
    {
        var expanded = new long[part.Dimensions + 1];
        Array.Fill(expanded, -1);
        expanded[0] = copies;
        var flat = part.Shape.ToArray();
        flat[0] = -1;
        return part.Unsqueeze(0).Expand(expanded).Reshape(flat);
    }).ToArray());

    /// <summary>The rows of this state followed by the rows of <paramref name="other"/>.</summary>
    public RecurrentState Concat(RecurrentState other)
    {
        if (other.Parts.Count != Parts.Count)
            throw new ArgumentException($"cannot join a state of {Parts.Count} tensors with one of {other.Parts.Count}", nameof(other));
        return new(Parts.Select((part, i) => Tensor.Cat([part, other.Parts[i]], 0)).ToArray());
    }
}
