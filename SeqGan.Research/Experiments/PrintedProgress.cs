using System.Diagnostics;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>
/// Training progress as lines — every evaluation and the end of every phase, with the time since it was created — written
/// synchronously to <paramref name="writer"/> (the console by default), so that in a notebook they land in the output of
/// the cell that trains. The CLI draws progress bars instead.
/// </summary>
public sealed class PrintedProgress(TextWriter? writer = null) : IProgress<TrainingProgress>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public void Report(TrainingProgress p)
    {
        if (!p.IsEvaluation && p.Step != p.TotalSteps) return;
        var what = p.IsEvaluation
            ? $"{p.Step,4}/{p.TotalSteps,-4} {p.Metric} {p.Value:F3}"
            : $"done{(p.Value is { } v ? $" ({p.Metric} {v:F3})" : "")}";
        (writer ?? Console.Out).WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {p.Run,-28} {p.Phase,-16} {what}");
    }
}
