using System.Text;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Storage;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>What a real-data reproduction produced: per-seed results, the table, and the files written.</summary>
public sealed record RealDataReproduction(IReadOnlyList<RealDataResult> Results, RealDataTable Table, TokenCorpus Corpus, IReadOnlyList<string> Files);

/// <summary>The paper's real-data tables (2, 3, 4) as library calls: every seed, its own split, the table files.</summary>
public static class RealDataExperiments
{
    /// <summary>
    /// Loads the task's corpus from <paramref name="corpusFile"/> (or the verified catalog copy), then for each seed:
    /// a train/test split from that seed (saved under <c>seedN/split</c>), MLE pretraining, MLE and SeqGAN, and the real
    /// data's own scores. Writes <c>NAME.md</c>, <c>NAME.csv</c> and the decoded samples into <paramref name="outputDirectory"/>
    /// (default <c>out/NAME-PRESET</c>); checkpoints go to its <c>checkpoints</c> folder unless the options name one.
    /// </summary>
    public static RealDataReproduction Run(RealDataTask task, RealDataPreset preset, IReadOnlyList<int> seeds, RunOptions? options = null,
        string? outputDirectory = null, string? corpusFile = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        outputDirectory ??= OutputFolders.Default(task.Name, preset.Name);
        var runOptions = OutputFolders.WithCheckpoints(options, outputDirectory);
        preset.Validate();
        if (seeds.Count == 0) throw new ArgumentException("at least one seed is needed", nameof(seeds));
        var path = corpusFile ?? CatalogCorpusFile.Locate(task.CatalogFile
            ?? throw new ArgumentException($"{task.Name} has no catalog file: pass the corpus file", nameof(corpusFile)));
        var corpus = task.LoadCorpus(path, preset);
        if (runOptions.CheckpointDirectory is { } root)
            RunManifest.Claim(root, Fingerprint(task.Name, preset, corpus, path), runOptions.Resume, runOptions.Force);
        Directory.CreateDirectory(outputDirectory);
        var files = new List<string>();
        var results = new List<RealDataResult>();
        var samples = new StringBuilder();
        var description = "";
        foreach (var seed in seeds)
        {
            var split = CorpusSplit.Create(corpus, preset.TestFraction, seed);
            files.AddRange(split.Save(Path.Combine(outputDirectory, $"seed{seed}", "split")));
            using var run = new RealDataRun(task, split, preset, runOptions with { Seed = seed }, progress, cancellation);
            description = $"{corpus.Name} ({Path.GetFileName(corpus.SourceFile)}): {corpus.Sequences.Count} sequences of {corpus.SequenceLength} tokens, "
                + $"vocabulary {corpus.Vocabulary.Count}; {corpus.Preparation}. Per seed: {run.TrainingCount} training sequences, "
                + $"{run.ReferenceCount} test sequences as references, {preset.EvaluationSamples} samples scored.";
            var seedResults = new List<RealDataResult> { run.RealData() };
            seedResults.AddRange(preset.Methods.Select(method => run.Run(method)));
            results.AddRange(seedResults);
            foreach (var result in seedResults)
            {
                samples.AppendLine($"## seed {seed}, {result.Method}");
                foreach (var example in result.Examples) samples.AppendLine(example);
                samples.AppendLine();
            }
        }
        var table = RealDataTable.FromResults(task, results, preset.Name, description);
        var outputs = new ExperimentOutputs(outputDirectory);
        outputs.Add(files);
        outputs.Write($"{task.Name}.md", table.ToMarkdown());
        outputs.Write($"{task.Name}.csv", table.ToCsv());
        outputs.Write($"{task.Name}-samples.txt", samples.ToString());
        outputs.Write(TimingsCsv.FileName, TimingsCsv.Write(results.Select(r => (r.Method, r.Seed, r.WallSeconds))));
        return new RealDataReproduction(results, table, corpus, outputs.Files);
    }

    /// <summary>What determines a real-data run: the kit, the preset, the corpus file and how it became sequences.</summary>
    public static RunFingerprint Fingerprint(string experiment, RealDataPreset preset, TokenCorpus corpus, string corpusFile) =>
        RunFingerprint.OfKit(experiment).AddProperties("preset", preset).AddFile("corpus", corpusFile)
            .Add("corpus.preparation", corpus.Preparation).Add("corpus.sequenceLength", corpus.SequenceLength)
            .Add("corpus.separator", corpus.TokenSeparator).AddDigest("corpus.vocabulary", corpus.Vocabulary.Tokens);
}
