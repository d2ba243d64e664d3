using SeqGan.Research.Data;
using SeqGan.Research.Experiments;
using SeqGan.Research.Metrics;
using SeqGan.Research.Plotting;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan reproduce organ`: ORGAN's music table and λ sweep with a preset.</summary>
internal static class OrganReproduce
{
    public static int Run(string presetName, int seedCount, string deviceName, string? output, bool resume)
    {
        var preset = OrganPreset.ByName(presetName);
        var outputDirectory = OutputLocation.PrepareFolder(output ?? Path.Combine("out", $"organ-{preset.Name}"), "--output");
        var corpusFile = OrganMusicFile.Require();
        var corpus = AbcCorpus.Load(corpusFile, preset.SequenceLength);
        var options = new OrganRunOptions
        {
            Device = Device.Parse(deviceName),
            CheckpointDirectory = Path.Combine(outputDirectory, "checkpoints"),
            Resume = resume,
        };
        var seeds = Enumerable.Range(1, seedCount).ToList();
        Console.Error.WriteLine($"preset {preset.Name}, seeds {string.Join(",", seeds)}, device {options.Device}, corpus {corpusFile} " +
            $"({corpus.Tunes.Count} tunes, vocabulary {corpus.Vocabulary.Size}, length {corpus.SequenceLength})");
        Console.Error.WriteLine($"checkpoints: {options.CheckpointDirectory}{(resume ? " (resuming)" : "")}");

        // Ctrl+C stops at the next step boundary; the last checkpoint stays valid for --resume.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var result = ProgressDisplay.Run(reporter => OrganExperiments.TableAndSweep(corpus, preset, seeds, options, outputDirectory, reporter, cancel.Token));

        var figure = OrganFigures.LambdaSweep(result.Sweep, result.SweepObjective, $"ORGAN λ sweep — {result.SweepObjective.Label()} objective ({preset.Name} preset)");
        var files = result.Files.ToList();
        files.AddRange(FigureFiles.WriteHtmlAndPng(figure, outputDirectory, "organ-sweep"));
        Console.WriteLine(result.Table.ToMarkdown());
        foreach (var file in files) Console.WriteLine($"wrote {file}");
        return 0;
    }
}
