namespace SeqGan.Research.Tensors;

/// <summary>
/// Frees, deterministically, every tensor created on this thread while the scope is innermost.
/// Training loops wrap each step in one so that temporaries never wait for the GC.
/// Keep a result alive past the scope with <see cref="MoveToOuter"/> (or <see cref="Tensor.DetachFromDisposeScope"/>).
/// </summary>
/// <remarks>The stack of scopes is per thread — the one piece of ambient state in the Torch layer,
/// kept because passing a scope to every operator would make model code unreadable.</remarks>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? innermost;

    private readonly DisposeScope? outer;
    private readonly List<Tensor> owned = [];
    private bool disposed;

    private DisposeScope(DisposeScope? outer) => this.outer = outer;

    public static DisposeScope Enter() => innermost = new DisposeScope(innermost);

    /// <summary>Number of live tensors this scope will free (for tests and diagnostics).</summary>
    public int OwnedCount => owned.Count(t => t.OwnerScope == this && !t.IsDisposed);

    internal static void Adopt(Tensor tensor)
    {
        var scope = innermost;
        if (scope is null) return;
        tensor.OwnerScope = scope;
        scope.owned.Add(tensor);
    }

    /// <summary>Hands <paramref name="tensor"/> to the enclosing scope (or to nobody, if this is the outermost).</summary>
    public Tensor MoveToOuter(Tensor tensor)
    {
        if (tensor.OwnerScope != this) return tensor;
        tensor.OwnerScope = outer;
        outer?.owned.Add(tensor);
        return tensor;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (innermost != this)
            throw new InvalidOperationException("dispose scopes must be disposed in reverse order of creation, on the thread that created them");
        innermost = outer;
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            var tensor = owned[i];
            if (tensor.OwnerScope == this) tensor.Dispose();
        }
        owned.Clear();
    }
}
