using System.CommandLine;
using System.Globalization;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Cli;

/// <summary>
/// `seqgan eval bleu --candidates F [--references F] [--n N] [--smoothing none|method1|nltk-3.2.1] [--corpus] [--self]`: Texygen's
/// BLEU of any two text files (one sequence per line, tokens separated by whitespace) — each candidate's sentence BLEU-n
/// against all references, averaged — and, with --corpus, NLTK's corpus_bleu, and with --self the candidates' Self-BLEU-n
/// (which needs no references). A blank line is a sequence of zero tokens, as NLTK reads it: an empty candidate scores 0
/// and an empty reference has length 0 (it can be the closest length of the brevity penalty).
/// </summary>
internal static class EvalBleuCommand
{
    public static Command Create()
    {
        var candidates = new Option<string>("--candidates") { Description = "generated text: one sequence per line, tokens separated by whitespace (a blank line is an empty sequence)", Required = true };
        var references = new Option<string?>("--references") { Description = "reference text (e.g. the test set), same format; needed for BLEU and --corpus, not for --self" };
        var order = new Option<int>("--n") { Description = "n of BLEU-n (uniform weights over 1..n)", DefaultValueFactory = _ => 4 };
        var smoothing = new Option<string>("--smoothing") { Description = "NLTK smoothing: method1 (Texygen's, default), none (NLTK 3.8's method0) or nltk-3.2.1 (2016's unsmoothed formula, which leaves unmatched orders out)", DefaultValueFactory = _ => "method1" };
        var corpus = new Option<bool>("--corpus") { Description = "also print NLTK's corpus_bleu (n-gram counts and lengths summed over all candidates before the formula)" };
        var self = new Option<bool>("--self") { Description = "also print the candidates' Self-BLEU-n (each against all the other candidates)" };
        var command = new Command("bleu", "BLEU-n of candidate sequences against reference sequences, as NLTK 3.8 and Texygen compute it")
            { candidates, references, order, smoothing, corpus, self };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(order);
            if (n is < 1 or > BleuReferenceSet.MaxSupportedOrder) throw new ArgumentException($"--n must lie in 1..{BleuReferenceSet.MaxSupportedOrder}, got {n}");
            var smoothingName = parse.GetValue(smoothing)!;
            var kind = smoothingName.ToLowerInvariant() switch
            {
                "method1" => BleuSmoothing.Method1,
                "none" or "method0" => BleuSmoothing.None,
                "nltk-3.2.1" => BleuSmoothing.ZeroOrdersOmitted,
                _ => throw new ArgumentException($"--smoothing must be none, method1 or nltk-3.2.1, got '{smoothingName}'"),
            };
            var referencePath = parse.GetValue(references);
            var withSelf = parse.GetValue(self);
            var withCorpus = parse.GetValue(corpus);
            if (referencePath is null && !withSelf) throw new ArgumentException("--references is required (only --self scores candidates without references)");
            if (referencePath is null && withCorpus) throw new ArgumentException("--corpus needs --references");
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var referenceRows = referencePath is null ? null : ReadTokens(referencePath, ids);
            var candidateRows = ReadTokens(parse.GetValue(candidates)!, ids);
            if (referenceRows is not null)
            {
                var referenceSet = new BleuReferenceSet(referenceRows, n);
                Console.WriteLine($"BLEU-{n} {Bleu.AverageSentence(referenceSet, candidateRows, kind).ToString("F6", CultureInfo.InvariantCulture)}");
                if (withCorpus)
                    Console.WriteLine($"Corpus-BLEU-{n} {Bleu.Corpus(referenceSet, candidateRows, kind).ToString("F6", CultureInfo.InvariantCulture)}");
            }
            if (withSelf)
            {
                if (candidateRows.Count < 2) throw new ArgumentException($"--self needs at least two candidate lines, {parse.GetValue(candidates)} has {candidateRows.Count}");
                Console.WriteLine($"Self-BLEU-{n} {SelfBleu.Score(candidateRows, n, kind).ToString("F6", CultureInfo.InvariantCulture)}");
            }
            var against = referenceRows is null ? "" : $" against {referenceRows.Count} references";
            Console.Error.WriteLine($"{candidateRows.Count} candidates ({candidateRows.Count(r => r.Count == 0)} empty){against}, smoothing {kind}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Each line's whitespace-separated tokens as ids of <paramref name="ids"/> (grown as new tokens appear). A blank
    /// line is kept as a sequence of zero tokens (Texygen reads files line by line, and NLTK scores an empty candidate 0
    /// and gives an empty reference length 0); only a file with no line at all is an error.
    /// </summary>
    private static List<IReadOnlyList<int>> ReadTokens(string path, Dictionary<string, int> ids)
    {
        var rows = new List<IReadOnlyList<int>>();
        foreach (var (_, text) in StrictTextFile.ReadLines(path))
        {
            var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            rows.Add(tokens.Select(t => ids.TryGetValue(t, out var id) ? id : ids[t] = ids.Count).ToArray());
        }
        if (rows.Count == 0) throw new InvalidDataException($"{path}: no sequences (the file has no line)");
        return rows;
    }
}
