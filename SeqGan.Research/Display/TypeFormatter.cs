namespace SeqGan.Research.Display;

/// <summary>
/// Writes one MIME representation of instances of <see cref="Type"/>. The member names and the
/// <c>bool Format(object, TextWriter)</c> signature are what .NET Interactive binds to by reflection
/// (it compiles the call as a Func returning bool), so they must not change.
/// </summary>
public sealed class TypeFormatter(Type type, string mimeType, Func<object, TextWriter, bool> format)
{
    public Type Type { get; } = type;

    public string MimeType { get; } = mimeType;

    /// <summary>Writes <paramref name="instance"/>; false when this formatter declines it.</summary>
    public bool Format(object instance, TextWriter writer) => format(instance, writer);

    /// <summary>A formatter for <typeparamref name="T"/> that always handles its instances.</summary>
    public static TypeFormatter For<T>(string mimeType, Func<T, string> text) =>
        new(typeof(T), mimeType, (instance, writer) =>
        {
            writer.Write(text((T)instance));
            return true;
        });
}
