namespace SeqGan.Research.Notebooks;

/// <summary>How a watched cell ended.</summary>
internal abstract record CellEnd
{
    /// <summary>Ran to its end; <paramref name="Error"/> is its error when it failed.</summary>
    public sealed record Finished(ErrorOutput? Error) : CellEnd;

    /// <summary>Asked to stop (<paramref name="Reason"/>). <paramref name="Abandoned"/>: it reached no interruption
    /// check within the grace period (or a second stop request came) and its thread is still running.</summary>
    public sealed record Stopped(CellStopReason Reason, bool Abandoned) : CellEnd;
}

internal enum CellStopReason { StopRequested, CellTimeout, RunTimeout }

/// <summary>
/// Runs one cell on a thread of its own (with the main thread's 8 MB stack, so deep recursion fails no sooner than
/// before) and waits for it, a time limit or a stop request. A cell asked to stop gets its cancellation token — the
/// ambient <see cref="Interruption"/> token, which the kit's loops check between batches — and a grace period; a
/// cell that never checks (<c>while (true) {}</c>) is then left running, since .NET cannot stop a thread, and the
/// runner goes on to write what finished.
/// </summary>
internal static class CellWatch
{
    public const int StackSize = 8 * 1024 * 1024;

    /// <param name="runCell">starts the cell with the token that asks it to stop and the callback it calls when its
    /// code (compiled) starts</param>
    /// <param name="cellTimeout">the cell's own limit, from the start of its code; null: none</param>
    /// <param name="runRemaining">what is left of the run's limit; null: none</param>
    /// <param name="stop">a stop request: the cell gets <paramref name="grace"/> to stop</param>
    /// <param name="abandon">stop waiting for the cell at once</param>
    public static async Task<CellEnd> RunAsync(Func<CancellationToken, Action, Task<ErrorOutput?>> runCell, TimeSpan? cellTimeout,
        TimeSpan? runRemaining, TimeSpan grace, CancellationToken stop, CancellationToken abandon)
    {
        var cellStop = new CancellationTokenSource();
        var codeStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = StartOnOwnThread(() => runCell(cellStop.Token, () => codeStarted.TrySetResult()));
        var reason = await WaitAsync(running, codeStarted.Task, cellTimeout, runRemaining, stop, abandon).ConfigureAwait(false);
        if (reason is null)
        {
            cellStop.Dispose();
            return new CellEnd.Finished(await running.ConfigureAwait(false));
        }

        cellStop.Cancel();
        if (!abandon.IsCancellationRequested)
        {
            using var graceOver = CancellationTokenSource.CreateLinkedTokenSource(abandon);
            graceOver.CancelAfter(grace);
            await Task.WhenAny(running, Task.Delay(Timeout.Infinite, graceOver.Token)).ConfigureAwait(false);
        }
        // Observed either way: the stopped cell's OperationCanceledException is expected, not news.
        _ = running.ContinueWith(t => t.Exception, TaskScheduler.Default);
        if (!running.IsCompleted) return new CellEnd.Stopped(reason.Value, Abandoned: true);
        cellStop.Dispose();
        return new CellEnd.Stopped(reason.Value, Abandoned: false);
    }

    /// <summary>Null when the cell finished first, else why it must stop.</summary>
    private static async Task<CellStopReason?> WaitAsync(Task running, Task codeStarted, TimeSpan? cellTimeout, TimeSpan? runRemaining,
        CancellationToken stop, CancellationToken abandon)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop, abandon);
        // Which limit the armed timer stands for is recorded when it is armed, not guessed afterwards from a clock:
        // a timer may fire a millisecond before a stopwatch says its time is up.
        var timerReason = CellStopReason.RunTimeout;
        if (runRemaining is { } run) wake.CancelAfter(NotNegative(run));
        var woken = Task.Delay(Timeout.Infinite, wake.Token);
        await Task.WhenAny(running, codeStarted, woken).ConfigureAwait(false);
        if (!running.IsCompleted && !woken.IsCompleted && cellTimeout is { } cell)
        {
            var runLeft = runRemaining - clock.Elapsed;
            if (runLeft is null || cell < runLeft) timerReason = CellStopReason.CellTimeout;
            wake.CancelAfter(NotNegative(Min(cell, runLeft)!.Value));
        }
        await Task.WhenAny(running, woken).ConfigureAwait(false);
        if (running.IsCompleted) return null;
        if (stop.IsCancellationRequested || abandon.IsCancellationRequested) return CellStopReason.StopRequested;
        return timerReason;
    }

    private static TimeSpan NotNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    private static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static Task<ErrorOutput?> StartOnOwnThread(Func<Task<ErrorOutput?>> start)
    {
        var started = new TaskCompletionSource<Task<ErrorOutput?>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                started.SetResult(start());
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }, StackSize) { IsBackground = true, Name = "notebook cell" };
        thread.Start();
        return started.Task.Unwrap();
    }
}
