using System.Globalization;
using System.Text;
using SeqGan.Research.Metrics;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>One point of a method's temperature curve on one seed.</summary>
public sealed record FrontierPoint(string Method, int Seed, double InverseTemperature, double NllOracle, double NllTest, double Entropy)
{
    public SweepPoint ToSweepPoint() => new(InverseTemperature, NllOracle, NllTest, Entropy);
}

/// <summary>Mean ± standard deviation over seeds, with how many seeds had a value.</summary>
public sealed record MeanStd(double Mean, double StandardDeviation, int Seeds)
{
    public static MeanStd? Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var (mean, variance) = WelchTTest.MeanAndVariance(values);
        return new MeanStd(mean, Math.Sqrt(variance), values.Count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mean:F3} ± {StandardDeviation:F3}");
}

/// <summary>A method at T = 1 and at the matched NLL-test, over seeds; p-values are Welch's against the reference method
/// (SeqGAN) at the same operating point.</summary>
public sealed record FrontierRow(string Method, string Selection, MeanStd NllOracleAtOne, MeanStd NllTestAtOne, MeanStd EntropyAtOne,
    double? PValueAtOne, MeanStd? NllOracleMatched, MeanStd? InverseTemperatureMatched, double? PValueMatched, bool BelowFloorAtOne);

/// <summary>
/// The frontier's table: every method's NLL-oracle, NLL-test and entropy at T = 1, and its NLL-oracle where its own cooled
/// temperature curve reaches the reference method's T = 1 NLL-test (per seed; <see cref="MatchedNllTest"/>). The oracle's
/// entropy per token is the floor: a generator whose samples score an NLL-oracle below it concentrates on the oracle's
/// most likely sequences (mode dropping), which NLL-oracle alone rewards.
/// </summary>
public sealed record FrontierTable(IReadOnlyList<FrontierRow> Rows, string Preset, string OracleSource, MeanStd OracleEntropy,
    string ReferenceMethod, IReadOnlyList<double> Grid, double SweepSeconds)
{
    public static FrontierTable FromPoints(IReadOnlyList<FrontierPoint> points, IReadOnlyDictionary<int, double> oracleEntropyBySeed,
        IReadOnlyDictionary<string, string> selectionByMethod, string preset, string oracleSource, IReadOnlyList<double> grid,
        double sweepSeconds, string referenceMethod = Table1.SeqGanLabel)
    {
        var atOne = points.Where(p => p.InverseTemperature == 1).ToList();
        var floor = MeanStd.Of(oracleEntropyBySeed.Values.ToList())!;
        // The target of each seed: the reference method's NLL-test at T = 1 on that seed.
        var targets = atOne.Where(p => p.Method == referenceMethod).ToDictionary(p => p.Seed, p => p.NllTest);
        var matched = points.GroupBy(p => (p.Method, p.Seed))
            .Where(g => targets.ContainsKey(g.Key.Seed))
            .Select(g => (g.Key.Method, g.Key.Seed, Value: MatchedNllTest.Interpolate(g.Select(p => p.ToSweepPoint()).ToList(), targets[g.Key.Seed])))
            .Where(m => m.Value is not null)
            .ToList();
        List<double> Matched(string method) => matched.Where(m => m.Method == method).Select(m => m.Value!.Value.NllOracle).ToList();
        List<double> One(string method) => atOne.Where(p => p.Method == method).Select(p => p.NllOracle).ToList();
        static double? Welch(List<double> a, List<double> b) => a.Count >= 2 && b.Count >= 2 ? WelchTTest.Compare(a, b).TwoSidedP : null;

        var rows = points.Select(p => p.Method).Distinct().Select(method =>
        {
            var one = atOne.Where(p => p.Method == method).ToList();
            var isReference = method == referenceMethod;
            return new FrontierRow(method, selectionByMethod.GetValueOrDefault(method, ""),
                MeanStd.Of(one.Select(p => p.NllOracle).ToList())!, MeanStd.Of(one.Select(p => p.NllTest).ToList())!,
                MeanStd.Of(one.Select(p => p.Entropy).ToList())!,
                isReference ? null : Welch(One(method), One(referenceMethod)),
                MeanStd.Of(Matched(method)),
                MeanStd.Of(matched.Where(m => m.Method == method).Select(m => m.Value!.Value.InverseTemperature).ToList()),
                isReference ? null : Welch(Matched(method), Matched(referenceMethod)),
                one.Average(p => p.NllOracle) < floor.Mean);
        }).ToList();
        return new FrontierTable(rows, preset, oracleSource, floor, referenceMethod, grid, sweepSeconds);
    }

    private static string F(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double? p) => p is { } v ? v.ToString("G3", CultureInfo.InvariantCulture) : "";

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"Frontier — NLL-oracle against NLL-test over the sampling temperature (Caccia et al. 2020); preset `{Preset}`, oracle {OracleSource}, " +
            $"mean ± std over seeds. Inverse temperatures α (logits × α, T = 1/α): {string.Join(", ", Grid.Select(a => F(a, "0.##")))}.");
        text.AppendLine();
        text.AppendLine($"Oracle entropy per token (the floor): {OracleEntropy}. An NLL-oracle below it means the generator concentrates on the " +
            "oracle's most likely sequences (mode dropping), which NLL-oracle alone rewards. " +
            $"Matched: each method's NLL-oracle where its cooled curve (α ≥ its lowest NLL-test) reaches {ReferenceMethod}'s T = 1 NLL-test of the same seed, " +
            "interpolated linearly between grid points; empty where the grid does not reach it. p: Welch's two-sided, against " + ReferenceMethod + ".");
        text.AppendLine();
        text.AppendLine($"| Method | selection | NLL-oracle (T = 1) | NLL-test (T = 1) | entropy (T = 1) | p (T = 1) | NLL-oracle (matched NLL-test) | α there | seeds matched | p (matched) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in Rows)
            text.AppendLine($"| {row.Method} | {row.Selection} | {row.NllOracleAtOne}{(row.BelowFloorAtOne ? " (below floor: mode dropping)" : "")} | {row.NllTestAtOne} | " +
                $"{row.EntropyAtOne} | {P(row.PValueAtOne)} | {row.NllOracleMatched?.ToString() ?? ""} | {(row.InverseTemperatureMatched is { } a ? F(a.Mean, "F2") : "")} | " +
                $"{row.NllOracleMatched?.Seeds ?? 0}/{row.NllOracleAtOne.Seeds} | {P(row.PValueMatched)} |");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Sweep wall time (sampling and NLL passes, training excluded): {SweepSeconds:F1} s."));
        text.AppendLine();
        text.Append(CacciaReference.ToMarkdown());
        return text.ToString();
    }

    public string ToCsv()
    {
        var text = new StringBuilder("method,selection,nll_oracle_t1_mean,nll_oracle_t1_std,nll_test_t1_mean,entropy_t1_mean,p_t1,nll_oracle_matched_mean,nll_oracle_matched_std,alpha_matched_mean,seeds_matched,p_matched,below_floor_t1,oracle_entropy\n");
        foreach (var row in Rows)
            text.AppendLine(string.Join(',', row.Method, row.Selection, F(row.NllOracleAtOne.Mean, "R"), F(row.NllOracleAtOne.StandardDeviation, "R"),
                F(row.NllTestAtOne.Mean, "R"), F(row.EntropyAtOne.Mean, "R"), row.PValueAtOne is { } p1 ? F(p1, "R") : "",
                row.NllOracleMatched is { } m ? F(m.Mean, "R") : "", row.NllOracleMatched is { } s ? F(s.StandardDeviation, "R") : "",
                row.InverseTemperatureMatched is { } a ? F(a.Mean, "R") : "", row.NllOracleMatched?.Seeds ?? 0,
                row.PValueMatched is { } pm ? F(pm, "R") : "", row.BelowFloorAtOne ? "true" : "false", F(OracleEntropy.Mean, "R")));
        return text.ToString();
    }

    /// <summary>Every point of every curve: method, seed, α, T, the three measures, and whether NLL-oracle is below the floor.</summary>
    public static string PointsCsv(IEnumerable<FrontierPoint> points, double floor)
    {
        var text = new StringBuilder("method,seed,alpha,temperature,nll_oracle,nll_test,entropy,below_floor\n");
        foreach (var p in points)
            text.AppendLine(string.Join(',', p.Method, p.Seed.ToString(CultureInfo.InvariantCulture), F(p.InverseTemperature, "R"), F(1 / p.InverseTemperature, "R"),
                F(p.NllOracle, "R"), F(p.NllTest, "R"), F(p.Entropy, "R"), p.NllOracle < floor ? "true" : "false"));
        return text.ToString();
    }

    /// <summary>How a row's generator was chosen (model selection, declared): a fixed schedule unless a method says otherwise.</summary>
    public static string SelectionOf(TrainingMethod method, SeqGanSettings settings) => method switch
    {
        UntrainedMethod => "untrained (initialisation)",
        PretrainedMethod => $"end of {settings.PretrainEpochs} pretraining epochs",
        EarlyStoppedMleMethod e => string.Create(CultureInfo.InvariantCulture,
            $"early stopping: lowest NLL on a {e.ValidationFraction:P0} validation split, ≤ {settings.PretrainEpochs + settings.BaselineEpochs} epochs from scratch"),
        MleMethod or ScheduledSamplingMethod => $"fixed schedule: {settings.PretrainEpochs} + {settings.BaselineEpochs} epochs",
        AdversarialMethod => $"fixed schedule: {settings.PretrainEpochs} epochs + {settings.AdversarialIterations} iterations",
        _ => "",
    };
}
