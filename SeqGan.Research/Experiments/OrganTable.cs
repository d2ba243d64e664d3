using System.Globalization;
using System.Text;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Experiments;

/// <summary>One row of ORGAN's music table: mean and standard deviation over seeds of each column.</summary>
public sealed record OrganTableRow(MusicObjectiveKind Objective, OrganAlgorithm Algorithm, double Lambda, int Seeds,
    OrganFourNumbers Mean, OrganFourNumbers StandardDeviation)
{
    public OrganFourNumbers? Paper => OrganReference.Paper(Objective, Algorithm);
    public OrganFourNumbers? Logs => OrganReference.Logs(Objective, Algorithm);
}

/// <summary>
/// ORGAN's music table (Guimaraes et al. 2017): for each objective the rows MLE, Naive RL (λ = 0), ORGAN and
/// SeqGAN (λ = 1); columns tonality, melodicity, ratio of steps, diversity. Printed beside the paper's numbers and
/// the original logs' numbers, which disagree on two rows.
/// </summary>
public sealed record OrganTable(IReadOnlyList<OrganTableRow> Rows, string Preset, int EvaluationSamples, int DiversitySamples)
{
    public static readonly OrganAlgorithm[] RowOrder = [OrganAlgorithm.NaiveRl, OrganAlgorithm.Organ, OrganAlgorithm.SeqGan, OrganAlgorithm.Mle];

    /// <summary>Groups per-seed results into rows: <paramref name="runs"/> maps each (objective, algorithm) to its results.</summary>
    public static OrganTable FromResults(IReadOnlyDictionary<(MusicObjectiveKind Objective, OrganAlgorithm Algorithm), IReadOnlyList<OrganResult>> runs,
        OrganPreset preset)
    {
        var rows = new List<OrganTableRow>();
        foreach (var objective in Enum.GetValues<MusicObjectiveKind>())
            foreach (var algorithm in RowOrder)
            {
                if (!runs.TryGetValue((objective, algorithm), out var results) || results.Count == 0) continue;
                rows.Add(new OrganTableRow(objective, algorithm, results[0].Lambda, results.Count,
                    Summarise(results, Average), Summarise(results, StandardDeviation)));
            }
        return new OrganTable(rows, preset.Name, preset.EvaluationSamples, preset.DiversitySamples);
    }

    private static OrganFourNumbers Summarise(IReadOnlyList<OrganResult> results, Func<IEnumerable<double>, double> statistic) => new(
        statistic(results.Select(r => r.Scores.Tonality)), statistic(results.Select(r => r.Scores.Melodicity)),
        statistic(results.Select(r => r.Scores.RatioOfSteps)), statistic(results.Select(r => r.Diversity)));

    private static double Average(IEnumerable<double> values) => values.Average();

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count < 2) return 0;
        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Lambda(OrganTableRow row) => row.Algorithm == OrganAlgorithm.Mle ? "—" : row.Lambda.ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Ours(double mean, double sd, int seeds) => seeds > 1 ? $"{F(mean)} ± {F(sd)}" : F(mean);

    private static string Triple(OrganFourNumbers? values, string format) => values is null ? "" :
        string.Join(" / ", new[] { values.Tonality, values.Melodicity, values.RatioOfSteps, values.Diversity }.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"ORGAN music table — preset `{Preset}`; metrics over {EvaluationSamples:N0} generated sequences, diversity over the first {DiversitySamples:N0}; mean ± std over seeds.");
        text.AppendLine("Paper and original logs: tonality / melodicity / ratio of steps / diversity.");
        text.AppendLine();
        text.AppendLine("| Objective | Algorithm | λ | tonality | melodicity | ratio of steps | diversity | seeds | paper | original logs |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        var notes = new List<string>();
        foreach (var row in Rows)
        {
            var mark = "";
            if (OrganReference.Discrepancy(row.Objective, row.Algorithm) is { } why)
            {
                if (!notes.Contains(why)) notes.Add(why);
                mark = $" ({"abcdefgh"[notes.IndexOf(why)]})";
            }
            text.AppendLine($"| {row.Objective.Label()} | {row.Algorithm.Label()} | {Lambda(row)} | {Ours(row.Mean.Tonality, row.StandardDeviation.Tonality, row.Seeds)} | " +
                $"{Ours(row.Mean.Melodicity, row.StandardDeviation.Melodicity, row.Seeds)} | {Ours(row.Mean.RatioOfSteps, row.StandardDeviation.RatioOfSteps, row.Seeds)} | " +
                $"{Ours(row.Mean.Diversity, row.StandardDeviation.Diversity, row.Seeds)} | {row.Seeds} | {Triple(row.Paper, "F3")}{mark} | {Triple(row.Logs, "F4")} |");
        }
        text.AppendLine();
        text.AppendLine("The three SeqGAN rows share one λ = 1 run per seed (the objective only names it); the paper's are three independent runs.");
        for (var i = 0; i < notes.Count; i++) text.AppendLine($"({"abcdefgh"[i]}) {notes[i]}.");
        return text.ToString();
    }

    public string ToCsv()
    {
        static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        static string Optional(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "";
        var text = new StringBuilder("objective,algorithm,lambda,seeds,tonality_mean,tonality_std,melodicity_mean,melodicity_std,ratio_of_steps_mean,ratio_of_steps_std,diversity_mean,diversity_std," +
            "paper_tonality,paper_melodicity,paper_ratio_of_steps,paper_diversity,logs_tonality,logs_melodicity,logs_ratio_of_steps,logs_diversity\n");
        foreach (var row in Rows)
            text.AppendLine(string.Join(',',
                row.Objective.Label(), row.Algorithm.Label(), row.Algorithm == OrganAlgorithm.Mle ? "" : R(row.Lambda), row.Seeds,
                R(row.Mean.Tonality), R(row.StandardDeviation.Tonality), R(row.Mean.Melodicity), R(row.StandardDeviation.Melodicity),
                R(row.Mean.RatioOfSteps), R(row.StandardDeviation.RatioOfSteps), R(row.Mean.Diversity), R(row.StandardDeviation.Diversity),
                Optional(row.Paper?.Tonality, "F3"), Optional(row.Paper?.Melodicity, "F3"), Optional(row.Paper?.RatioOfSteps, "F3"), Optional(row.Paper?.Diversity, "F3"),
                Optional(row.Logs?.Tonality, "F4"), Optional(row.Logs?.Melodicity, "F4"), Optional(row.Logs?.RatioOfSteps, "F4"), Optional(row.Logs?.Diversity, "F4")));
        return text.ToString();
    }

    /// <summary>Markdown for notebooks' plain-text display.</summary>
    public override string ToString() => ToMarkdown();
}
