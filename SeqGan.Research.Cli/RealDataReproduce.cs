using SeqGan.Research.Experiments;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan reproduce table2|table3|table4`: the real-data tables with a preset, seeds, checkpoints and --resume.</summary>
internal static class RealDataReproduce
{
    public static int Run(RealDataTask task, string presetName, int seedCount, string device, string? output, bool resume)
    {
        var preset = RealDataPreset.ByName(presetName);
        if (seedCount < 1) throw new ArgumentException("--seeds must be at least 1");
        var outputDirectory = OutputLocation.PrepareFolder(output ?? Path.Combine("out", $"{task.Name}-{preset.Name}"), "--output");
        var options = new RealDataRunOptions
        {
            Device = Device.Parse(device),
            CheckpointDirectory = Path.Combine(outputDirectory, "checkpoints"),
            Resume = resume,
        };
        var seeds = Enumerable.Range(1, seedCount).ToList();
        Console.Error.WriteLine($"{task.Title}: preset {preset.Name}, seeds {string.Join(",", seeds)}, device {options.Device}");
        Console.Error.WriteLine($"checkpoints: {options.CheckpointDirectory}{(resume ? " (resuming)" : "")}");

        // Ctrl+C stops at the next step boundary; the last checkpoint stays valid for --resume.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var result = ProgressDisplay.Run(reporter => RealDataExperiments.Run(task, preset, seeds, options, outputDirectory, progress: reporter, cancellation: cancel.Token));
        Console.WriteLine(result.Table.ToMarkdown());
        foreach (var file in result.Files.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}split{Path.DirectorySeparatorChar}"))) Console.WriteLine($"wrote {file}");
        return 0;
    }
}
