using SeqGan.Research.Training;
using Spectre.Console;

namespace SeqGan.Research.Cli;

/// <summary>Renders training progress: a bar per (run, phase) with ETA and the latest metric on a terminal,
/// plain lines otherwise (CI logs).</summary>
internal static class ProgressDisplay
{
    public static T Run<T>(Func<IProgress<TrainingProgress>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var lastLine = new Dictionary<string, DateTime>();
            return work(new Reporter(p =>
            {
                var key = $"{p.Run}/{p.Phase}";
                var now = DateTime.UtcNow;
                if (p.Step != p.TotalSteps && !p.IsEvaluation && lastLine.TryGetValue(key, out var last) && now - last < TimeSpan.FromSeconds(10)) return;
                lastLine[key] = now;
                Console.Error.WriteLine($"[{now:HH:mm:ss}] {p.Run} {p.Phase} {p.Step}/{p.TotalSteps}{(p.Metric is null ? "" : $" {p.Metric} {p.Value:F4}")}");
            }));
        }
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                result = work(new Reporter(p =>
                {
                    var key = $"{p.Run}/{p.Phase}";
                    if (!tasks.TryGetValue(key, out var task))
                        tasks[key] = task = context.AddTask(Markup.Escape(key), maxValue: Math.Max(1, p.TotalSteps));
                    task.Value = p.Step;
                    if (p.Metric is not null) task.Description = Markup.Escape($"{key}  {p.Metric} {p.Value:F4}");
                }));
            });
        return result;
    }

    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
