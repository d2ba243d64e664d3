namespace SeqGan.Research.Metrics;

/// <summary>One point of a temperature sweep: inverse temperature α and the generator's measures there.</summary>
public sealed record SweepPoint(double InverseTemperature, double NllOracle, double NllTest, double Entropy);

/// <summary>
/// A method's NLL-oracle at a given NLL-test, read off its temperature curve: Caccia et al.'s comparison "at matched
/// diversity". NLL-test over α is U-shaped (lowest near α = 1 for a maximum-likelihood model, rising as the model is
/// cooled or heated), so a target NLL-test is met twice; the comparison that matters is on the quality side, the
/// cooled branch α ≥ argmin NLL-test, where NLL-oracle falls as NLL-test rises. Linear interpolation in NLL-test between
/// the two grid points that bracket the target on that branch.
/// </summary>
public static class MatchedNllTest
{
    /// <summary>NLL-oracle at <paramref name="targetNllTest"/> on the cooled branch of <paramref name="curve"/> (any order),
    /// with the α there; null when the branch does not reach the target (the target is below the curve's lowest NLL-test,
    /// or above its value at the grid's largest α).</summary>
    public static (double NllOracle, double InverseTemperature)? Interpolate(IReadOnlyList<SweepPoint> curve, double targetNllTest)
    {
        if (curve.Count == 0) throw new ArgumentException("a temperature curve needs at least one point", nameof(curve));
        if (!double.IsFinite(targetNllTest)) throw new ArgumentOutOfRangeException(nameof(targetNllTest), targetNllTest, "must be a finite NLL");
        var ordered = curve.OrderBy(p => p.InverseTemperature).ToList();
        var lowest = ordered.IndexOf(ordered.MinBy(p => p.NllTest)!);
        var branch = ordered.Skip(lowest).ToList();
        for (var i = 0; i < branch.Count; i++)
        {
            if (branch[i].NllTest == targetNllTest) return (branch[i].NllOracle, branch[i].InverseTemperature);
            if (i == 0 || branch[i - 1].NllTest > targetNllTest || branch[i].NllTest < targetNllTest) continue;
            // branch[i-1].NllTest < target < branch[i].NllTest
            var (a, b) = (branch[i - 1], branch[i]);
            var w = (targetNllTest - a.NllTest) / (b.NllTest - a.NllTest);
            return (a.NllOracle + w * (b.NllOracle - a.NllOracle), a.InverseTemperature + w * (b.InverseTemperature - a.InverseTemperature));
        }
        return null;
    }
}
