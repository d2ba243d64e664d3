using System.CommandLine;
using System.Globalization;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Experiments;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan train --corpus FILE --tokens chars|words`: SeqGAN (MLE pretraining, then Algorithm 1) on a user's
/// own text, one sequence per line; writes the trained generator for `seqgan sample`.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "UTF-8 text, one sequence per line", Required = true };
        var tokens = new Option<string>("--tokens") { Description = "chars (every character a token) or words (lower-cased words and . , ; : ! ?)", Required = true };
        var output = new Option<string?>("--output") { Description = "output folder (default out/train-<corpus name>); the model goes to <output>/model" };
        var preset = new Option<string>("--preset") { Description = "smoke (seconds), quick (minutes on a CPU) or paper (GPU)", DefaultValueFactory = _ => "quick" };
        var maxLength = new Option<int>("--max-length") { Description = "tokens per sequence: longer lines are cut, shorter ones padded", DefaultValueFactory = _ => 40 };
        var vocabulary = new Option<int>("--vocabulary") { Description = "tokens kept (with padding and OTHERS); rarer ones become OTHERS; 0 keeps all", DefaultValueFactory = _ => 5000 };
        var seed = new Option<int>("--seed") { Description = "seed of the train/test split and of training", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "cpu" };
        var resume = new Option<bool>("--resume") { Description = "continue from the checkpoints in the output folder" };
        var force = new Option<bool>("--force") { Description = "start over, deleting the checkpoints of an earlier run in the output folder" };
        var command = new Command("train", "Train SeqGAN on your own text (one sequence per line)") { corpus, tokens, output, preset, maxLength, vocabulary, seed, device, resume, force };
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(tokens)!.ToLowerInvariant() switch
            {
                "chars" or "characters" => TokenKind.Characters,
                "words" => TokenKind.Words,
                var other => throw new ArgumentException($"--tokens must be chars or words, got '{other}'"),
            };
            var path = parse.GetValue(corpus)!;
            var length = parse.GetValue(maxLength);
            if (length is < 1 or > TrainedTextModel.MaxSequenceLength)
                throw new ArgumentException($"--max-length must lie in 1..{TrainedTextModel.MaxSequenceLength}, got {length}");
            var vocabularySize = parse.GetValue(vocabulary);
            if (vocabularySize is < 0 or 1 or 2) throw new ArgumentException($"--vocabulary must be 0 (all) or at least 3, got {vocabularySize}");
            var chosen = RealDataPreset.ByName(parse.GetValue(preset)!);
            var runSeed = parse.GetValue(seed);
            var task = RealDataTask.ForTextFile(kind, length, vocabularySize == 0 ? null : vocabularySize);
            var loaded = task.LoadCorpus(path, chosen);
            var outputDirectory = OutputLocation.PrepareFolder(parse.GetValue(output) ?? Path.Combine("out", $"train-{Path.GetFileNameWithoutExtension(path)}"), "--output");
            foreach (var line in UnknownSummary(loaded)) Console.Error.WriteLine(line);
            var options = new RunOptions
            {
                Seed = runSeed,
                Device = Device.Parse(parse.GetValue(device)!),
                CheckpointDirectory = Path.Combine(outputDirectory, "checkpoints"),
                Resume = parse.GetValue(resume),
                Force = parse.GetValue(force),
            };
            if (options.Resume && options.Force) throw new ArgumentException("--resume and --force contradict each other: choose one");
            // Before anything of this run is written: a refused resume leaves the earlier run's split and model as they were.
            RunManifest.Claim(options.CheckpointDirectory, RealDataExperiments.Fingerprint("train", chosen, loaded, path).Add("seed", runSeed),
                options.Resume, options.Force);
            var split = CorpusSplit.Create(loaded, chosen.TestFraction, runSeed);
            Console.Error.WriteLine($"{loaded.Sequences.Count} sequences of {loaded.SequenceLength} tokens, vocabulary {loaded.Vocabulary.Count}; preset {chosen.Name}, device {options.Device}");
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            var modelDirectory = Path.Combine(outputDirectory, "model");
            var result = ProgressDisplay.Run(reporter =>
            {
                using var run = new RealDataRun(task, split, chosen, options, reporter, cancel.Token);
                // The split and the model are written together once training succeeded: a failed run leaves an earlier
                // run's pair as it was (a resume draws the same split again from the seed).
                return run.Run(chosen.SeqGan, generator =>
                {
                    split.Save(Path.Combine(outputDirectory, "split"));
                    TrainedTextModel.Save(modelDirectory, generator, loaded);
                });
            });
            foreach (var (metric, value) in result.Metrics) Console.WriteLine($"{metric} {value.ToString("F4", CultureInfo.InvariantCulture)}");
            Console.WriteLine("samples:");
            foreach (var example in result.Examples) Console.WriteLine($"  {example}");
            Console.WriteLine($"wrote {modelDirectory} (seqgan sample --checkpoint {modelDirectory} --count 10)");
            return 0;
        });
        return command;
    }

    private static IEnumerable<string> UnknownSummary(TokenCorpus corpus)
    {
        if (corpus.UnknownTokens.Count == 0) yield break;
        var top = corpus.UnknownTokens.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(10)
            .Select(kv => $"{kv.Key} ({kv.Value})");
        yield return $"{corpus.UnknownTokens.Count} rare distinct tokens mapped to {TextCorpus.UnknownToken}, e.g. {string.Join(", ", top)}";
    }
}
