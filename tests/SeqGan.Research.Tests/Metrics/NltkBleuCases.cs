using System.Text.Json;

namespace SeqGan.Research.Tests.Metrics;

/// <summary>NLTK 3.8's BLEU values for fixed inputs, as written by scripts/make_bleu_reference_cases.py
/// (committed, so the tests need no Python).</summary>
internal sealed record NltkBleuCases(
    string NltkVersion,
    IReadOnlyList<ReferenceGroup> ReferenceGroups,
    IReadOnlyList<CorpusGroup> CorpusGroups,
    IReadOnlyList<SelfBleuGroup> SelfBleuGroups,
    IReadOnlyList<FileGroup> FileGroups)
{
    public static NltkBleuCases Instance { get; } = Load();

    private static NltkBleuCases Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Metrics", "bleu_reference_cases.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<NltkBleuCases>(File.ReadAllText(path), options)
               ?? throw new InvalidDataException($"{path} is empty");
    }
}

/// <summary>Hypotheses each scored against all <see cref="References"/>.</summary>
internal sealed record ReferenceGroup(string Name, int Order, int[][] References, IReadOnlyList<HypothesisCase> Hypotheses,
    double TexygenAverage, double CorpusBleu);

internal sealed record HypothesisCase(int[] Hypothesis, double Bleu, long[] Matches, long[] Totals, int ClosestRefLen);

internal sealed record CorpusGroup(string Name, int Order, int[][][] ReferencesPerHypothesis, int[][] Hypotheses, double CorpusBleu);

internal sealed record SelfBleuGroup(string Name, int Order, int[][] Sequences, double[] SentenceScores, double SelfBleu);

/// <summary>Two text files as `seqgan eval bleu` reads them (a blank line is an empty sequence) and NLTK's scores of them,
/// keyed by smoothing ("method1", "none").</summary>
internal sealed record FileGroup(string Name, int Order, string[] CandidateLines, string[] ReferenceLines,
    IReadOnlyDictionary<string, FileScores> Results);

internal sealed record FileScores(double Bleu, double CorpusBleu, double SelfBleu);

/// <summary>NLTK 3.2.1's unsmoothed sentence_bleu (what the original PG-BLEU ran), written by
/// scripts/make_bleu_reference_cases.py --nltk-3.2.1.</summary>
internal sealed record Nltk321BleuCases(string NltkVersion, IReadOnlyList<Nltk321Group> Groups)
{
    public static Nltk321BleuCases Instance { get; } = Load();

    private static Nltk321BleuCases Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Metrics", "bleu_nltk_3_2_1_cases.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<Nltk321BleuCases>(File.ReadAllText(path), options)
               ?? throw new InvalidDataException($"{path} is empty");
    }
}

internal sealed record Nltk321Group(string Name, int Order, int[][] References, IReadOnlyList<Nltk321Case> Hypotheses);

internal sealed record Nltk321Case(int[] Hypothesis, double Bleu);
