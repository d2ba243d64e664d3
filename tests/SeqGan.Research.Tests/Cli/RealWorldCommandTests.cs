using System.Globalization;
using SeqGan.Research.Cli;

namespace SeqGan.Research.Tests.Cli;

/// <summary>`seqgan eval bleu`, `seqgan train`, `seqgan sample` and `seqgan reproduce table2|3|4` on tiny inputs.</summary>
public class RealWorldCommandTests
{
    private static (int ExitCode, string Output, Exception? Error) Run(params string[] args) =>
        CliInvocation.Run([EvalCommand.Create(), TrainCommand.Create(), SampleCommand.Create(), ReproduceCommand.Create()], args);

    private static double Value(string output, string metric) =>
        double.Parse(output.Split('\n').Single(l => l.StartsWith(metric + " ", StringComparison.Ordinal))[(metric.Length + 1)..], CultureInfo.InvariantCulture);

    [Fact]
    public void EvalBleuScoresTextFilesAsNltkDoes()
    {
        var folder = Directory.CreateTempSubdirectory("seqgan-eval-bleu-").FullName;
        try
        {
            var references = Path.Combine(folder, "references.txt");
            var candidates = Path.Combine(folder, "candidates.txt");
            File.WriteAllText(references, "the cat sat on the mat\nthere is a cat on the mat\n");
            File.WriteAllText(candidates, "the cat sat on the mat\nthe dog sat on a log\n");
            var (code, output, error) = Run("eval", "bleu", "--candidates", candidates, "--references", references, "--n", "2", "--self");
            Assert.Null(error);
            Assert.Equal(0, code);
            // NLTK 3.8: sentence_bleu(refs, hyp, (0.5, 0.5), smoothing_function=method1) is 1.0 for the copy and
            // sqrt(4/6 · 1/5) = 0.365148 for "the dog sat on a log"; the mean is 0.682574.
            Assert.Equal(0.682574, Value(output, "BLEU-2"), 6);
            Assert.InRange(Value(output, "Self-BLEU-2"), 0.0, 1.0);

            var (_, none, noneError) = Run("eval", "bleu", "--candidates", candidates, "--references", references, "--n", "4", "--smoothing", "none");
            Assert.Null(noneError);
            // Without smoothing the dog sentence has no matching 4-gram, so its score all but vanishes; the copy still scores 1.
            Assert.Equal(0.5, Value(none, "BLEU-4"), 6);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EvalBleuRejectsBadArgumentsAndEmptyFiles()
    {
        var folder = Directory.CreateTempSubdirectory("seqgan-eval-bleu-").FullName;
        try
        {
            var empty = Path.Combine(folder, "empty.txt");
            File.WriteAllText(empty, "");
            var (_, _, error) = Run("eval", "bleu", "--candidates", empty, "--references", empty);
            Assert.Contains(empty, Assert.IsType<InvalidDataException>(error).Message);
            var blank = Path.Combine(folder, "blank.txt");
            File.WriteAllText(blank, "\n\n");
            var (_, _, smoothing) = Run("eval", "bleu", "--candidates", blank, "--references", blank, "--smoothing", "method7");
            Assert.Contains("--smoothing", Assert.IsType<ArgumentException>(smoothing).Message);
            var (_, _, noReferences) = Run("eval", "bleu", "--candidates", blank);
            Assert.Contains("--references", Assert.IsType<ArgumentException>(noReferences).Message);
            var (_, _, corpusAlone) = Run("eval", "bleu", "--candidates", blank, "--self", "--corpus");
            Assert.Contains("--corpus", Assert.IsType<ArgumentException>(corpusAlone).Message);
            var one = Path.Combine(folder, "one.txt");
            File.WriteAllText(one, "a b c\n");
            var (_, _, selfOfOne) = Run("eval", "bleu", "--candidates", one, "--self");
            Assert.Contains(one, Assert.IsType<ArgumentException>(selfOfOne).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TrainThenSampleGivesDecodedTextOfTheCorpusAlphabet()
    {
        var folder = Directory.CreateTempSubdirectory("seqgan-train-").FullName;
        try
        {
            var corpus = Path.Combine(folder, "lines.txt");
            var words = new[] { "abc", "bca", "cab", "aab", "bbc" };
            File.WriteAllLines(corpus, Enumerable.Range(0, 80).Select(i => $"{words[i % 5]} {words[(i * 3) % 5]} {words[(i * 7 + 1) % 5]}"));
            var output = Path.Combine(folder, "out");
            var (code, trained, error) = Run("train", "--corpus", corpus, "--tokens", "chars", "--preset", "smoke", "--max-length", "12", "--output", output);
            Assert.Null(error);
            Assert.Equal(0, code);
            Assert.Contains("BLEU-4", trained);
            var model = Path.Combine(output, "model");
            Assert.True(File.Exists(Path.Combine(model, "generator.safetensors")));

            var (sampleCode, sampled, sampleError) = Run("sample", "--checkpoint", model, "--count", "5", "--seed", "4");
            Assert.Null(sampleError);
            Assert.Equal(0, sampleCode);
            var lines = sampled.Split('\n')[..^1];  // one line per sample (an empty one when the first token is padding)
            Assert.Equal(5, lines.Length);
            // At most 12 tokens, each a character of the corpus (or the OTHERS token, which the vocabulary always has).
            Assert.All(lines, line => Assert.True(line.Replace("OTHERS", "?").Length <= 12 && line.Replace("OTHERS", "").All(c => "abc ".Contains(c)), line));
            Assert.Contains(lines, line => line.Length > 0);
            Assert.Equal(sampled, Run("sample", "--checkpoint", model, "--count", "5", "--seed", "4").Output);

            var (_, _, missing) = Run("sample", "--checkpoint", folder, "--count", "2");
            Assert.Contains("model.json", Assert.IsType<FileNotFoundException>(missing).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ReproduceTable3SmokeWritesTheTable()
    {
        var folder = Directory.CreateTempSubdirectory("seqgan-table3-").FullName;
        var previous = Environment.GetEnvironmentVariable("SEQGAN_DATA_MIRROR");
        try
        {
            Environment.SetEnvironmentVariable("SEQGAN_DATA_MIRROR", TestData.Mirror);
            var (code, output, error) = Run("reproduce", "table3", "--preset", "smoke", "--seeds", "1", "--output", folder);
            Assert.Null(error);
            Assert.Equal(0, code);
            Assert.Contains("BLEU-3", output);
            Assert.Contains("not comparable", File.ReadAllText(Path.Combine(folder, "table3.md")), StringComparison.OrdinalIgnoreCase);
            Assert.True(File.Exists(Path.Combine(folder, "checkpoints", "seed1", "seqgan", "state.json")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SEQGAN_DATA_MIRROR", previous);
            Directory.Delete(folder, recursive: true);
        }
    }
}
