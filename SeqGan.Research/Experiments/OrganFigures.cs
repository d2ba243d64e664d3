using SeqGan.Research.Metrics;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Experiments;

/// <summary>ORGAN's trade-off as a figure: the objective's score and the samples' diversity as λ goes from 0 to 1.</summary>
public static class OrganFigures
{
    /// <summary>
    /// Mean ± sd over seeds of the sweep objective's score and of diversity against λ, beside the original runs' final
    /// batch at each λ (dashed). λ = 0 is naive RL, λ = 1 SeqGAN.
    /// </summary>
    public static Figure LambdaSweep(IReadOnlyList<OrganResult> sweep, MusicObjectiveKind objective, string? title = null, bool withOriginalLogs = true)
    {
        if (sweep.Count == 0) throw new ArgumentException("no sweep results", nameof(sweep));
        var objectiveSeries = Series.MeanAndStandardDeviation($"{objective.Label()} (ours)", sweep.Select(r => (r.Lambda, r.Scores.Of(objective))));
        var diversitySeries = Series.MeanAndStandardDeviation("diversity (ours)", sweep.Select(r => (r.Lambda, r.Diversity)));
        var figure = Charts.TrainingCurves([objectiveSeries with { Color = Palette.Color(0) }, diversitySeries with { Color = Palette.Color(1) }], new CurveChartOptions
        {
            Title = title ?? $"ORGAN λ sweep — {objective.Label()} objective: objective score and diversity",
            XTitle = "λ (0 = naive RL, 1 = SeqGAN)",
            YTitle = "mean over generated samples",
        });
        if (!withOriginalLogs) return figure;
        var logs = OrganReference.LogSweep(objective);
        var lambdas = logs.Select(p => p.Lambda).ToArray();
        return figure.Add(
            new ScatterTrace(lambdas, logs.Select(p => p.Objective).ToArray())
            {
                Name = $"{objective.Label()} (original logs)", Mode = ScatterMode.LinesAndMarkers, Dash = LineDash.Dash, Color = Palette.Color(0),
            },
            new ScatterTrace(lambdas, logs.Select(p => p.Diversity).ToArray())
            {
                Name = "diversity (original logs)", Mode = ScatterMode.LinesAndMarkers, Dash = LineDash.Dash, Color = Palette.Color(1),
            });
    }
}
