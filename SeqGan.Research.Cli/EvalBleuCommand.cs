using System.CommandLine;
using System.Globalization;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Cli;

/// <summary>
/// `seqgan eval bleu --candidates F --references F --n N [--smoothing none|method1] [--self]`: Texygen's BLEU of any
/// two text files (one sequence per line, tokens separated by whitespace) — each candidate's sentence BLEU-n against
/// all references, averaged — and, with --self, the candidates' Self-BLEU-n.
/// </summary>
internal static class EvalBleuCommand
{
    public static Command Create()
    {
        var candidates = new Option<string>("--candidates") { Description = "generated text: one sequence per line, tokens separated by whitespace", Required = true };
        var references = new Option<string>("--references") { Description = "reference text (e.g. the test set), same format", Required = true };
        var order = new Option<int>("--n") { Description = "n of BLEU-n (uniform weights over 1..n)", DefaultValueFactory = _ => 4 };
        var smoothing = new Option<string>("--smoothing") { Description = "NLTK smoothing: method1 (Texygen's, default) or none (method0)", DefaultValueFactory = _ => "method1" };
        var self = new Option<bool>("--self") { Description = "also print the candidates' Self-BLEU-n (each against all the other candidates)" };
        var command = new Command("bleu", "BLEU-n of candidate sequences against reference sequences, as NLTK 3.8 and Texygen compute it")
            { candidates, references, order, smoothing, self };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(order);
            if (n is < 1 or > BleuReferenceSet.MaxSupportedOrder) throw new ArgumentException($"--n must lie in 1..{BleuReferenceSet.MaxSupportedOrder}, got {n}");
            var smoothingName = parse.GetValue(smoothing)!;
            var kind = smoothingName.ToLowerInvariant() switch
            {
                "method1" => BleuSmoothing.Method1,
                "none" or "method0" => BleuSmoothing.None,
                _ => throw new ArgumentException($"--smoothing must be none or method1, got '{smoothingName}'"),
            };
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var referenceRows = ReadTokens(parse.GetValue(references)!, ids);
            var candidateRows = ReadTokens(parse.GetValue(candidates)!, ids);
            var bleu = Bleu.AverageSentence(new BleuReferenceSet(referenceRows, n), candidateRows, kind);
            Console.WriteLine($"BLEU-{n} {bleu.ToString("F6", CultureInfo.InvariantCulture)}");
            if (parse.GetValue(self))
                Console.WriteLine($"Self-BLEU-{n} {SelfBleu.Score(candidateRows, n, kind).ToString("F6", CultureInfo.InvariantCulture)}");
            Console.Error.WriteLine($"{candidateRows.Count} candidates against {referenceRows.Count} references, smoothing {kind}");
            return 0;
        });
        return command;
    }

    /// <summary>Each non-blank line's whitespace-separated tokens as ids of <paramref name="ids"/> (grown as new tokens appear).</summary>
    private static List<IReadOnlyList<int>> ReadTokens(string path, Dictionary<string, int> ids)
    {
        var rows = new List<IReadOnlyList<int>>();
        foreach (var (_, text) in StrictTextFile.ReadLines(path))
        {
            var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            rows.Add(tokens.Select(t => ids.TryGetValue(t, out var id) ? id : ids[t] = ids.Count).ToArray());
        }
        if (rows.Count == 0) throw new InvalidDataException($"{path}: no sequences (every line is blank)");
        return rows;
    }
}
