namespace SeqGan.Research.Tensors;

/// <summary>
/// What a piece of work dispatched to libtorch: every ATen operator, the leaf operators among them (those that call no
/// other operator: on a GPU each is at most one kernel launch, views and allocations launch none, so it is an upper
/// bound on launches), and the operators that make the host wait for the device (item, nonzero).
/// </summary>
public readonly record struct OperatorCounts(long Operators, long LeafOperators, long DeviceSyncs);

/// <summary>
/// Counts the ATen operators dispatched between <see cref="Start"/> and <see cref="Stop"/>, on every thread of the
/// process (autograd's device threads included). One counter at a time; counting slows every operator a little, so it
/// is for measurements and tests, not for training runs.
/// </summary>
public sealed class OperatorCounter : IDisposable
{
    private bool running;

    private OperatorCounter() => running = true;

    public static OperatorCounter Start()
    {
        NativeMethods.Check(NativeMethods.sg_op_counter_start());
        return new OperatorCounter();
    }

    /// <summary>Counts of <paramref name="work"/> alone.</summary>
    public static OperatorCounts Measure(Action work)
    {
        using var counter = Start();
        work();
        return counter.Stop();
    }

    public OperatorCounts Stop()
    {
        if (!running) throw new InvalidOperationException("this operator counter was already stopped");
        running = false;
        NativeMethods.Check(NativeMethods.sg_op_counter_stop(out var total, out var leaves, out var syncs));
        return new OperatorCounts(total, leaves, syncs);
    }

    public void Dispose()
    {
        if (running) Stop();
    }
}
