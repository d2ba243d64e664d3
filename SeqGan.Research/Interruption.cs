namespace SeqGan.Research;

/// <summary>
/// The stop request of whoever runs the current code when it cannot pass a <see cref="CancellationToken"/>
/// down: a notebook cell calls <c>MleTraining.TrainEpoch(...)</c> without one, yet the kernel's interrupt
/// button must stop it between batches. The kernel (or the notebook runner) enters a scope with its token
/// around each cell; the kit's training loops check it next to their own token, and every optimizer step
/// (<c>Adam.Step</c>) checks it, so a notebook's own training loop stops too. In the root namespace because
/// every layer from Nn up checks it. Ambient per async flow
/// (<see cref="AsyncLocal{T}"/>), not a process-wide flag: threads and tasks started inside the cell see it,
/// unrelated code does not.
/// </summary>
public static class Interruption
{
    private static readonly AsyncLocal<CancellationToken> ambient = new();

    /// <summary>The token of the enclosing <see cref="Enter"/> scope; none outside one.</summary>
    public static CancellationToken Token => ambient.Value;

    /// <summary>Makes <paramref name="token"/> the ambient stop request until the returned scope is disposed.</summary>
    public static Scope Enter(CancellationToken token)
    {
        var previous = ambient.Value;
        ambient.Value = token;
        return new Scope(previous);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> or the
    /// ambient token asks to stop. Loops call it between batches, where stopping leaves the model whole.</summary>
    public static void ThrowIfRequested(CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        ambient.Value.ThrowIfCancellationRequested();
    }

    /// <summary>Puts the previous ambient token back.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly CancellationToken previous;

        internal Scope(CancellationToken previous) => this.previous = previous;

        public void Dispose() => ambient.Value = previous;
    }
}
