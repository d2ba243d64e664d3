namespace SeqGan.Research.Diagnostics;

public enum SelfTestOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One check of <see cref="SelfTest"/>: what it established (or why not) and how long it took.</summary>
public sealed record SelfTestCheck(string Name, SelfTestOutcome Outcome, string Detail, double Seconds);

/// <summary>All checks of one self-test run on one device.</summary>
public sealed record SelfTestReport(string Device, IReadOnlyList<SelfTestCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Outcome != SelfTestOutcome.Failed);

    public int Count(SelfTestOutcome outcome) => Checks.Count(c => c.Outcome == outcome);

    /// <summary>One line, worded so that no CI parser mistakes it for a test runner's summary.</summary>
    public string Summary =>
        $"selftest on {Device}: {(Passed ? "OK" : "FAILED")} — {Count(SelfTestOutcome.Passed)} of {Checks.Count} checks passed" +
        $"{(Count(SelfTestOutcome.Failed) > 0 ? $", {Count(SelfTestOutcome.Failed)} failed" : "")}" +
        $"{(Count(SelfTestOutcome.Skipped) > 0 ? $", {Count(SelfTestOutcome.Skipped)} skipped" : "")}";
}
