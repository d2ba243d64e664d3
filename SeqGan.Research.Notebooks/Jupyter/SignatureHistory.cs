namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// The signatures of the messages this kernel accepted, so that a validly signed message sent again — a replay — is
/// refused, as Jupyter's own Session refuses a "Duplicate Signature" (jupyter_client 7.4.9, session.py:1053-1054).
/// Like there it remembers 2^16 signatures (session.py:469) and forgets a tenth when full (session.py:997-1008); it
/// forgets the oldest tenth where jupyter_client drops a random one, so the most recent messages stay protected.
/// Shared by the shell and control threads.
/// </summary>
internal sealed class SignatureHistory(int capacity = 1 << 16)
{
    private readonly Lock gate = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    /// <summary>Remembers <paramref name="signature"/>; false when it was seen before.</summary>
    public bool Add(string signature)
    {
        lock (gate)
        {
            if (!seen.Add(signature)) return false;
            order.Enqueue(signature);
            if (seen.Count > capacity)
                for (var forget = Math.Max(1, capacity / 10); forget > 0; forget--) seen.Remove(order.Dequeue());
            return true;
        }
    }
}
