using System.Globalization;

namespace SeqGan.Research.Plotting;

/// <summary>plotly's default colourway, made explicit so a curve and its band (or one method across panels) share a colour.</summary>
public static class Palette
{
    public static IReadOnlyList<string> Default { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static string Color(int index) => Default[((index % Default.Count) + Default.Count) % Default.Count];

    /// <summary>"#rrggbb" as "rgba(r,g,b,alpha)": the translucent fill of an error band.</summary>
    public static string WithOpacity(string hexColor, double alpha)
    {
        if (hexColor.Length != 7 || hexColor[0] != '#' || !int.TryParse(hexColor.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            throw new ArgumentException($"expected a colour as #rrggbb, got '{hexColor}'", nameof(hexColor));
        var a = Math.Clamp(alpha, 0, 1).ToString("0.###", CultureInfo.InvariantCulture);
        return $"rgba({(rgb >> 16) & 0xff},{(rgb >> 8) & 0xff},{rgb & 0xff},{a})";
    }
}
