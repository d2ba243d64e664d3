using System.Globalization;
using System.Numerics;
using Microsoft.CodeAnalysis.CSharp;

namespace SeqGan.Research.Notebooks;

/// <summary>Turns a <c>--param</c> value into C# for the injected assignment, by the variable's type in
/// the parameters cell:
/// <list type="bullet">
/// <item>numbers (int, long, short, byte, sbyte, ushort, uint, ulong, float, double, decimal): parsed with the
/// invariant culture and written back as a literal of that type (<c>1e-3</c> for a double gives <c>0.001</c>);</item>
/// <item>bool: <c>true</c> / <c>false</c>, any case;</item>
/// <item>string: the text as typed, quoted and escaped (<c>--param name=a"b</c> gives <c>"a\"b"</c>); char: one character;</item>
/// <item>a nullable type (<c>int?</c>, <c>string?</c>): <c>null</c> gives null;</item>
/// <item>any other type (an enum, a preset record, <c>var</c> over a non-literal): the value is C# source text,
/// inserted as typed (<c>--param preset=OraclePreset.Smoke</c>).</item>
/// </list>
/// A value that does not parse as its type is an error before anything runs.</summary>
internal static class ParameterLiteral
{
    public static string Format(ParameterDeclaration declaration, string value)
    {
        if (declaration.AllowsNull && value.Trim() == "null") return "null";
        var literal = declaration.TypeKeyword switch
        {
            null => value,
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            "char" => value.Length == 1 ? SymbolDisplay.FormatLiteral(value[0], quote: true) : null,
            "bool" => bool.TryParse(value.Trim(), out var flag) ? (flag ? "true" : "false") : null,
            "int" => Integer<int>(value, ""),
            "long" => Integer<long>(value, "L"),
            "short" => Integer<short>(value, ""),
            "byte" => Integer<byte>(value, ""),
            "sbyte" => Integer<sbyte>(value, ""),
            "ushort" => Integer<ushort>(value, ""),
            "uint" => Integer<uint>(value, "U"),
            "ulong" => Integer<ulong>(value, "UL"),
            "double" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Double(d) : null,
            "float" => float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? Single(f) : null,
            "decimal" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m.ToString(CultureInfo.InvariantCulture) + "m" : null,
            // object, dynamic, nint: nothing to check against, so take the value as C#.
            _ => value,
        };
        return literal ?? throw new ArgumentException(
            $"--param {declaration.Name}={value}: '{value}' is not a valid {declaration.TypeKeyword} (the parameters cell declares {declaration.Name} as {declaration.TypeKeyword})");
    }

    private static string? Integer<T>(string value, string suffix) where T : IBinaryInteger<T> =>
        T.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed.ToString(null, CultureInfo.InvariantCulture) + suffix
            : null;

    private static string Double(double value) => value switch
    {
        double.NaN => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + "d",
    };

    private static string Single(float value) => value switch
    {
        float.NaN => "float.NaN",
        float.PositiveInfinity => "float.PositiveInfinity",
        float.NegativeInfinity => "float.NegativeInfinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + "f",
    };
}
