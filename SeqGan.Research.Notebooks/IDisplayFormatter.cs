namespace SeqGan.Research.Notebooks;

/// <summary>Turns a value into the representations a notebook stores for it: mime type -> data.
/// Text types (text/plain, text/html) are the text itself; binary types (image/png) are base64;
/// JSON types (application/json, application/*+json) are JSON text.</summary>
public interface IDisplayFormatter
{
    /// <summary>The representations of <paramref name="value"/>, or an empty dictionary when this
    /// formatter has nothing for it (the next formatter is asked).</summary>
    IReadOnlyDictionary<string, string> Format(object value);
}
