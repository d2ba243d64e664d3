using System.Globalization;
using SeqGan.Research.Cli;
using SeqGan.Research.Tests.Metrics;

namespace SeqGan.Research.Tests.Cli;

/// <summary>
/// `seqgan eval bleu --corpus --self` on text files with blank lines against NLTK 3.8's numbers for the same files
/// (scripts/make_bleu_reference_cases.py, "file_groups"): an empty candidate scores 0 and counts in the mean, an empty
/// reference has length 0, and a file of blank candidates scores 0.
/// </summary>
public class EvalBleuFilesTests
{
    // The command prints six decimals.
    private const double PrintedTolerance = 5.1e-7;

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var group in NltkBleuCases.Instance.FileGroups)
                foreach (var smoothing in group.Results.Keys) data.Add(group.Name, smoothing);
            return data;
        }
    }

    private static double Value(string output, string metric) =>
        double.Parse(output.Split('\n').Single(l => l.StartsWith(metric + " ", StringComparison.Ordinal))[(metric.Length + 1)..], CultureInfo.InvariantCulture);

    [Fact]
    public void TheCasesHaveBlankLinesOnBothSides()
    {
        var groups = NltkBleuCases.Instance.FileGroups;
        Assert.Contains(groups, g => g.CandidateLines.Any(string.IsNullOrWhiteSpace) && g.ReferenceLines.Any(string.IsNullOrWhiteSpace));
        Assert.Contains(groups, g => g.CandidateLines.All(string.IsNullOrWhiteSpace));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScoresMatchNltk(string name, string smoothing)
    {
        var group = NltkBleuCases.Instance.FileGroups.Single(g => g.Name == name);
        var expected = group.Results[smoothing];
        var folder = Directory.CreateTempSubdirectory("seqgan-eval-bleu-files-").FullName;
        try
        {
            var candidates = Path.Combine(folder, "candidates.txt");
            var references = Path.Combine(folder, "references.txt");
            File.WriteAllText(candidates, string.Concat(group.CandidateLines.Select(l => l + "\n")));
            File.WriteAllText(references, string.Concat(group.ReferenceLines.Select(l => l + "\n")));
            var order = group.Order.ToString(CultureInfo.InvariantCulture);
            var (code, output, error) = CliInvocation.Run([EvalCommand.Create()],
                ["eval", "bleu", "--candidates", candidates, "--references", references, "--n", order, "--smoothing", smoothing, "--corpus", "--self"]);
            Assert.Null(error);
            Assert.Equal(0, code);
            Assert.Equal(expected.Bleu, Value(output, $"BLEU-{order}"), PrintedTolerance);
            Assert.Equal(expected.CorpusBleu, Value(output, $"Corpus-BLEU-{order}"), PrintedTolerance);
            Assert.Equal(expected.SelfBleu, Value(output, $"Self-BLEU-{order}"), PrintedTolerance);

            // Self-BLEU needs no references.
            var (selfCode, selfOutput, selfError) = CliInvocation.Run([EvalCommand.Create()],
                ["eval", "bleu", "--candidates", candidates, "--n", order, "--smoothing", smoothing, "--self"]);
            Assert.Null(selfError);
            Assert.Equal(0, selfCode);
            Assert.Equal(expected.SelfBleu, Value(selfOutput, $"Self-BLEU-{order}"), PrintedTolerance);
            Assert.DoesNotContain($"BLEU-{order} ", selfOutput.Replace($"Self-BLEU-{order} ", "", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
