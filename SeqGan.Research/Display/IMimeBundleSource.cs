namespace SeqGan.Research.Display;

/// <summary>
/// A value that builds its whole output bundle itself, because its representations depend on each other
/// (a figure's HTML embeds its own PNG so that viewers that strip scripts still show the picture).
/// </summary>
public interface IMimeBundleSource
{
    /// <summary>MIME type to content; image/png is base64 and present only when <paramref name="includePng"/>.</summary>
    IReadOnlyDictionary<string, string> ToMimeBundle(bool includePng);
}
