using System.Globalization;
using System.Text.RegularExpressions;

namespace SeqGan.Research.Tests.Reproduction;

/// <summary>
/// Compares a written text file with its golden copy the way floating point allows across machines: everything but
/// decimal numbers must be equal character for character, and each decimal number must equal its golden one to within
/// float32 rounding (relative 1e-5) or one unit of its last printed digit. Why not bytes: libtorch and OpenBLAS pick
/// their kernels by CPU, so the same seed gives the same numbers on one machine but can differ in the seventh digit on
/// another (measured: an AMD EPYC against the golden copies' machine, at most 1.4e-7 relative). Integers, tokens,
/// labels and the number of values are compared exactly; a changed schedule, method or seed moves far more than this.
/// </summary>
internal static partial class GoldenText
{
    private const double RelativeTolerance = 1e-5;

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>, else where it first differs.</summary>
    public static string? Difference(string expected, string actual)
    {
        var expectedParts = Decimal().Split(expected);
        var actualParts = Decimal().Split(actual);
        var expectedNumbers = Decimal().Matches(expected);
        var actualNumbers = Decimal().Matches(actual);
        if (expectedNumbers.Count != actualNumbers.Count || !expectedParts.SequenceEqual(actualParts))
            return FirstTextDifference(expected, actual);
        for (var i = 0; i < expectedNumbers.Count; i++)
        {
            var (e, a) = (expectedNumbers[i].Value, actualNumbers[i].Value);
            if (!Close(e, a)) return $"decimal number {i + 1} (at character {actualNumbers[i].Index}) is {a}, golden {e}";
        }
        return null;
    }

    private static bool Close(string expected, string actual)
    {
        var e = double.Parse(expected, CultureInfo.InvariantCulture);
        var a = double.Parse(actual, CultureInfo.InvariantCulture);
        var lastDigit = Math.Pow(10, -Math.Min(Decimals(expected), Decimals(actual)));
        return Math.Abs(e - a) <= Math.Max(RelativeTolerance * Math.Max(Math.Abs(e), Math.Abs(a)), lastDigit * 1.000001);
    }

    /// <summary>Digits after the point, for numbers printed without an exponent (those with one get no digit slack).</summary>
    private static int Decimals(string number) =>
        number.Contains('e') || number.Contains('E') ? int.MaxValue / 2 : number.Length - number.IndexOf('.') - 1;

    private static string FirstTextDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        string Around(string text) => text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40)));
        return $"the text differs at character {at}: \"{Around(actual)}\", golden \"{Around(expected)}\"";
    }

    [GeneratedRegex(@"-?\d+\.\d+(?:[eE][-+]?\d+)?")]
    private static partial Regex Decimal();
}
