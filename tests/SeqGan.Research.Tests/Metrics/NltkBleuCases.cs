using System.Text.Json;

namespace SeqGan.Research.Tests.Metrics;

/// <summary>NLTK 3.8's BLEU values for fixed inputs, as written by scripts/make_bleu_reference_cases.py
/// (committed, so the tests need no Python).</summary>
internal sealed record NltkBleuCases(
    string NltkVersion,
    IReadOnlyList<ReferenceGroup> ReferenceGroups,
    IReadOnlyList<CorpusGroup> CorpusGroups,
    IReadOnlyList<SelfBleuGroup> SelfBleuGroups)
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
