using SeqGan.Research.Display;

namespace SeqGan.Research.Notebooks;

/// <summary>The kit's own formatters (figures: HTML + PNG fallback; tables: HTML), found by the same
/// convention the .NET Interactive kernel uses. Values without rich formats fall through to the next formatter.</summary>
public sealed class KitDisplayFormatter : IDisplayFormatter
{
    public IReadOnlyDictionary<string, string> Format(object value)
    {
        var bundle = DisplayFormatter.Format(value);
        return bundle.Keys.Any(k => k != MimeTypes.PlainText) ? bundle : new Dictionary<string, string>();
    }
}
