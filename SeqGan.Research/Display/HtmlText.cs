using System.Text;

namespace SeqGan.Research.Display;

/// <summary>
/// Escapes text for HTML element content and quoted attributes. Only the five markup characters:
/// WebUtility.HtmlEncode also turns "±" and every non-ASCII letter into numeric entities, which makes
/// saved notebooks hard to read and diff.
/// </summary>
internal static class HtmlText
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }
}
