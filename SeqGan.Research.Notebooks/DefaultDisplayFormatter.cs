using System.Collections;
using System.Globalization;
using System.Reflection;

namespace SeqGan.Research.Notebooks;

/// <summary>The formatter every value falls back to: text/plain always, and text/html from a public
/// <c>string ToHtml()</c> when the value has one — so figures and tables render without this project
/// knowing their types.</summary>
public sealed class DefaultDisplayFormatter : IDisplayFormatter
{
    /// <summary>Sequences longer than this show their first items and an ellipsis, as .NET Interactive does.</summary>
    private const int MaxSequenceItems = 20;

    public IReadOnlyDictionary<string, string> Format(object value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Html(value) is { } html) data["text/html"] = html;
        data["text/plain"] = PlainText(value);
        return data;
    }

    private static string? Html(object value)
    {
        var toHtml = value.GetType().GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return toHtml?.ReturnType == typeof(string) ? (string?)toHtml.Invoke(value, null) : null;
    }

    internal static string PlainText(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        // A List<int> prints as "System.Collections.Generic.List`1[System.Int32]"; show the items instead.
        IEnumerable sequence when !HasOwnToString(value) => Items(sequence),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static string Items(IEnumerable sequence)
    {
        var items = sequence.Cast<object?>().Take(MaxSequenceItems + 1).Select(PlainText).ToList();
        if (items.Count > MaxSequenceItems) items[MaxSequenceItems] = "…";
        return $"[{string.Join(", ", items)}]";
    }

    private static bool HasOwnToString(object value) =>
        value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring
        && declaring != typeof(object) && declaring != typeof(ValueType);
}
