using System.Globalization;

namespace SeqGan.Research.Display;

/// <summary>
/// Turns a value into a notebook output bundle (MIME type to content) with the same formatters the
/// .NET Interactive kernel would use, so an executed notebook shows what the kernel shows.
/// </summary>
public static class DisplayFormatter
{
    /// <summary>
    /// The bundle for <paramref name="value"/>: always text/plain; text/html and image/png (base64) where the
    /// value's formatters provide them. A figure's PNG needs headless Chromium and throws a
    /// <see cref="Plotting.PlottingSetupException"/> naming the install command when it is missing;
    /// pass <paramref name="includePng"/> false for HTML only.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, bool includePng = true)
    {
        if (value is null) return new Dictionary<string, string> { [MimeTypes.PlainText] = "<null>" };

        var bundle = value is IMimeBundleSource source
            ? new Dictionary<string, string>(source.ToMimeBundle(includePng))
            : FromFormatterSources(value, includePng);
        bundle.TryAdd(MimeTypes.PlainText, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        return bundle;
    }

    private static Dictionary<string, string> FromFormatterSources(object value, bool includePng)
    {
        var bundle = new Dictionary<string, string>();
        if (value is string) return bundle;
        foreach (var formatter in ConventionFormatters.For(value.GetType()))
        {
            // The most derived type's formatters come first and win, as in the kernel.
            if (bundle.ContainsKey(formatter.MimeType) || (formatter.MimeType == MimeTypes.Png && !includePng)) continue;
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            if (formatter.Format(value, writer)) bundle[formatter.MimeType] = writer.ToString();
        }
        return bundle;
    }
}
