using SeqGan.Research.Data.Corpora;

namespace SeqGan.Research.Experiments;

/// <summary>
/// One real-data table of the paper: which corpus, how it is prepared, which metrics it reports, and the paper's
/// numbers to print beside ours. <see cref="Table2"/>, <see cref="Table3"/>, <see cref="Table4"/> are the paper's;
/// <see cref="ForTextFile"/> makes one for any user corpus (<c>seqgan train</c>).
/// </summary>
public sealed record RealDataTask
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    /// <summary>The corpus file's path in the data catalog (null for a user's own file).</summary>
    public string? CatalogFile { get; init; }
    public required Func<string, RealDataPreset, TokenCorpus> LoadCorpus { get; init; }
    /// <summary>BLEU orders reported (each with its Self-BLEU).</summary>
    public required IReadOnlyList<int> BleuOrders { get; init; }
    public bool ReportsMse { get; init; }
    /// <summary>The paper's numbers: (method, metric) → value.</summary>
    public IReadOnlyDictionary<(string Method, string Metric), double> PaperValues { get; init; } = new Dictionary<(string, string), double>();
    /// <summary>What a reader must know when comparing with the paper.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The metric the table's p-values test (higher is better for BLEU, lower for MSE).</summary>
    public IReadOnlyList<string> TestedMetrics => BleuOrders.Select(RealDataMetrics.BleuName).Concat(ReportsMse ? [RealDataMetrics.Mse] : []).ToList();

    public static RealDataTask Table2 { get; } = new()
    {
        Name = "table2",
        Title = "Table 2 — Chinese quatrains (BLEU-2)",
        CatalogFile = CatalogCorpusFile.ChinesePoems,
        LoadCorpus = (path, _) => ChinesePoemCorpus.Load(path),
        BleuOrders = [2],
        PaperValues = new Dictionary<(string, string), double>
        {
            [("MLE", "BLEU-2")] = 0.6670, [("SeqGAN", "BLEU-2")] = 0.7389, [("Real data", "BLEU-2")] = 0.746,
        },
        Notes =
        [
            "The paper's Human-score column (a blind test by 70 experts) cannot be reproduced by code and is not reported.",
            "Data: Texygen's shi.txt, 16,394 quatrains — the paper's count; our test split is drawn from it by seed (the paper gives none).",
        ],
    };

    public static RealDataTask Table3 { get; } = new()
    {
        Name = "table3",
        Title = "Table 3 — Obama speeches (BLEU-3, BLEU-4)",
        CatalogFile = CatalogCorpusFile.ObamaSpeeches,
        LoadCorpus = (path, preset) => TextCorpus.Load(path,
            new TextCorpusOptions { Tokens = TokenKind.Words, MaxLength = preset.WordsMaxLength, VocabularySize = preset.WordsVocabularySize }, "obama_speeches"),
        BleuOrders = [3, 4],
        PaperValues = new Dictionary<(string, string), double>
        {
            [("MLE", "BLEU-3")] = 0.519, [("SeqGAN", "BLEU-3")] = 0.556, [("MLE", "BLEU-4")] = 0.416, [("SeqGAN", "BLEU-4")] = 0.427,
        },
        Notes =
        [
            "Not comparable with the paper: the corpus is a stand-in of the same genre (6,921 paragraphs; the paper had 11,092 from an unnamed source).",
            "Padding is not a token for BLEU: each sequence is scored up to its first padding token.",
        ],
    };

    public static RealDataTask Table4 { get; } = new()
    {
        Name = "table4",
        Title = "Table 4 — Nottingham folk melodies (BLEU-4, MSE)",
        CatalogFile = CatalogCorpusFile.NottinghamMelodies,
        LoadCorpus = (path, _) => MelodyCorpus.Load(path),
        BleuOrders = [4],
        ReportsMse = true,
        PaperValues = new Dictionary<(string, string), double>
        {
            [("MLE", "BLEU-4")] = 0.9210, [("SeqGAN", "BLEU-4")] = 0.9406, [("MLE", "MSE")] = 22.38, [("SeqGAN", "MSE")] = 20.62,
        },
        Notes =
        [
            "Data: all 1,034 cleaned Nottingham tunes (jukedeck), split by tune; the paper used 695 tunes (most likely the usual training split, not available here).",
            "MSE: mean over generated sequences of the per-position squared pitch distance (semitones²) to the nearest test sequence (MelodyMse); the paper does not define its pairing.",
        ],
    };

    public static RealDataTask ByName(string name) => name.ToLowerInvariant() switch
    {
        "table2" or "poems" => Table2,
        "table3" or "obama" => Table3,
        "table4" or "music" or "nottingham" => Table4,
        _ => throw new ArgumentException($"unknown real-data experiment '{name}' (expected table2, table3 or table4)"),
    };

    /// <summary>A user's own line-per-sequence text file.</summary>
    public static RealDataTask ForTextFile(TokenKind tokens, int maxLength, int? vocabularySize, IReadOnlyList<int>? bleuOrders = null) => new()
    {
        Name = "train",
        Title = "SeqGAN on a user corpus",
        LoadCorpus = (path, _) => TextCorpus.Load(path, new TextCorpusOptions { Tokens = tokens, MaxLength = maxLength, VocabularySize = vocabularySize }),
        BleuOrders = bleuOrders ?? [2, 3, 4],
    };
}

/// <summary>Metric names used in results and tables.</summary>
public static class RealDataMetrics
{
    public const string Mse = "MSE";
    public const string NllTest = "NLL-test";
    public static string BleuName(int order) => $"BLEU-{order}";
    public static string SelfBleuName(int order) => $"Self-BLEU-{order}";
    public static bool HigherIsBetter(string metric) => metric != Mse && metric != NllTest;
}
