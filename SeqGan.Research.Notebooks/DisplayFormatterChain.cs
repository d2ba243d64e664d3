namespace SeqGan.Research.Notebooks;

/// <summary>Asks the registered formatters in order and takes the first non-empty answer, then
/// completes it with the default formatter's text/plain (Jupyter front ends and nbconvert fall back
/// to it). This is the hook for a richer formatter (figures as HTML + PNG): register it in
/// <see cref="NotebookRunOptions.DisplayFormatters"/>.</summary>
public sealed class DisplayFormatterChain : IDisplayFormatter
{
    private readonly IReadOnlyList<IDisplayFormatter> preferred;
    private readonly DefaultDisplayFormatter fallback = new();

    public DisplayFormatterChain(IEnumerable<IDisplayFormatter> preferred) => this.preferred = preferred.ToList();

    public IReadOnlyDictionary<string, string> Format(object? value)
    {
        if (value is null) return new Dictionary<string, string> { ["text/plain"] = DefaultDisplayFormatter.PlainText(null) };
        foreach (var formatter in preferred)
        {
            var data = formatter.Format(value);
            if (data.Count == 0) continue;
            if (data.ContainsKey("text/plain")) return data;
            return new Dictionary<string, string>(data, StringComparer.Ordinal) { ["text/plain"] = DefaultDisplayFormatter.PlainText(value) };
        }
        return fallback.Format(value);
    }

    IReadOnlyDictionary<string, string> IDisplayFormatter.Format(object value) => Format(value);
}
