using SeqGan.Research.Cli;

namespace SeqGan.Research.Tests.Cli;

/// <summary>`seqgan train` on an output folder that holds an earlier run: never resumed under another corpus or
/// length, never discarded without --force, and a refused command leaves that run's model and split as they were.</summary>
public sealed class TrainResumeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("seqgan-train-resume-").FullName;

    private static (int ExitCode, string Output, Exception? Error) Run(params string[] args) => CliInvocation.Run([TrainCommand.Create()], args);

    [Fact]
    public void A_changed_corpus_or_length_is_refused_and_the_earlier_run_is_left_as_it_was()
    {
        var corpus = Path.Combine(folder, "lines.txt");
        File.WriteAllLines(corpus, Enumerable.Range(0, 60).Select(i => $"abc cab {i % 5} bca"));
        var output = Path.Combine(folder, "out");
        string[] Train(int maxLength, params string[] extra) =>
            ["train", "--corpus", corpus, "--tokens", "chars", "--preset", "smoke", "--max-length", $"{maxLength}", "--output", output, .. extra];
        var (code, _, error) = Run(Train(12));
        Assert.Null(error);
        Assert.Equal(0, code);
        var artefacts = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}checkpoints{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => f, File.ReadAllBytes);

        var (_, _, again) = Run(Train(12));
        Assert.Contains("add --resume to continue it, or --force to start over", Assert.IsType<IOException>(again).Message);

        var (_, _, longer) = Run(Train(16, "--resume"));
        Assert.Contains("corpus.sequenceLength: 12 then, 16 now", Assert.IsType<InvalidDataException>(longer).Message);

        File.AppendAllLines(corpus, ["a new line with new characters: xyz"]);
        var (_, _, changed) = Run(Train(12, "--resume"));
        var refused = Assert.IsType<InvalidDataException>(changed).Message;
        Assert.Contains("--resume refused", refused);
        Assert.Contains("corpus: sha256 ", refused);
        Assert.Contains("corpus.vocabulary: sha256 ", refused);

        foreach (var (path, bytes) in artefacts) Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{path} was rewritten");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
