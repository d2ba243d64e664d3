using System.Globalization;
using SeqGan.Research.Display;
using SeqGan.Research.Metrics;

namespace SeqGan.Research.Experiments;

/// <summary>ORGAN's music table as a notebook table: ours beside the paper's and the original logs' numbers.</summary>
public static class OrganTableDisplay
{
    public static DisplayTable ToDisplayTable(this OrganTable table)
    {
        static string F(double v, string format = "F3") => v.ToString(format, CultureInfo.InvariantCulture);
        static string Four(OrganFourNumbers? n, string format) => n is null ? "" : $"{F(n.Tonality, format)} / {F(n.Melodicity, format)} / {F(n.RatioOfSteps, format)} / {F(n.Diversity, format)}";
        var rows = table.Rows.Select(row => (IReadOnlyList<string>)
        [
            row.Objective.Label(),
            row.Algorithm.Label(),
            row.Algorithm == OrganAlgorithm.Mle ? "—" : F(row.Lambda, "0.0##"),
            F(row.Mean.Tonality), F(row.Mean.Melodicity), F(row.Mean.RatioOfSteps), F(row.Mean.Diversity),
            Four(row.Paper, "F3") + (OrganReference.Discrepancy(row.Objective, row.Algorithm) is null ? "" : " *"),
            Four(row.Logs, "F4"),
        ]).ToList();
        return new DisplayTable(["objective", "algorithm", "λ", "tonality", "melodicity", "ratio of steps", "diversity", "paper (T / M / S / D)", "original logs (T / M / S / D)"], rows)
        {
            Caption = $"ORGAN music table, preset {table.Preset}: means over seeds of {table.EvaluationSamples:N0} samples (diversity: first {table.DiversitySamples:N0}). * the paper and the original logs disagree on this row.",
            NumericColumns = new HashSet<int> { 2, 3, 4, 5, 6 },
        };
    }
}
