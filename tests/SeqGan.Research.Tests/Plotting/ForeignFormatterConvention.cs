namespace SeqGan.Research.Tests.Plotting.Foreign;

// A library of someone else's that follows the .NET Interactive convention with its own types: only the
// attribute's name and the members' shapes match ours.

[AttributeUsage(AttributeTargets.Class)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}

[TypeFormatterSource(typeof(ThingFormatters))]
public sealed class Thing
{
    public override string ToString() => "Thing!";
}

public sealed class ThingFormatters
{
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlThingFormatter()];
}

public sealed class HtmlThingFormatter
{
    public Type Type => typeof(Thing);
    public string MimeType => "text/html";
    public bool Format(object instance, TextWriter writer)
    {
        writer.Write("<i>thing</i>");
        return true;
    }
}
