using SeqGan.Research.Experiments;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan reproduce estimators`: the gradient-estimator lab's bias/variance sweep on the enumerable tiny oracle.</summary>
internal static class EstimatorsReproduce
{
    public static int Run(string presetName, int seedCount, string? output, bool resume)
    {
        var preset = EstimatorLabPreset.ByName(presetName);
        if (seedCount != 1) throw new ArgumentException("--seeds: the estimator lab measures one world per run (use --seeds 1); its spread over estimates is the quantity it reports");
        var outputDirectory = OutputLocation.PrepareFolder(output ?? Path.Combine("out", $"estimators-{preset.Name}"), "--output");
        Console.Error.WriteLine($"preset {preset.Name}: vocabulary {preset.Model.VocabularySize}, length {preset.Model.SequenceLength}, " +
            $"{preset.Estimates} estimates per point, batches [{string.Join(", ", preset.Batches)}]");
        if (resume) Console.Error.WriteLine($"resuming from {Path.Combine(outputDirectory, EstimatorLab.CheckpointFile)} where it exists");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var result = ProgressDisplay.Run(reporter => EstimatorLab.Run(preset, seed: 1, outputDirectory, reporter, cancel.Token, resume));
        var files = result.Files.ToList();
        var figure = EstimatorLab.Figure(result.Points, $"Gradient estimators against the exact gradient ({preset.Name} preset, {result.Sequences:N0} sequences enumerated)")
            .SaveHtmlAndPng(outputDirectory, "estimators", skipMissingTools: true);
        files.AddRange(figure.Files);
        foreach (var reason in figure.Skipped) Console.Error.WriteLine($"warning: {reason}");
        Console.WriteLine(EstimatorLab.ToMarkdown(result));
        foreach (var file in files) Console.WriteLine($"wrote {file}");
        return 0;
    }
}
