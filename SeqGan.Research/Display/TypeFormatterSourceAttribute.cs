namespace SeqGan.Research.Display;

/// <summary>
/// Names the formatter source of a type. .NET Interactive finds formatter sources by this attribute's
/// <em>name</em> (any namespace), reads <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/>
/// by reflection, and calls the source's <c>CreateTypeFormatters()</c>: declaring it here lets
/// <c>display(figure)</c> render as HTML in the .NET Interactive C# kernel without this library
/// referencing Microsoft.DotNet.Interactive. <see cref="DisplayFormatter"/> reads the same attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A type with a public parameterless constructor and a public <c>CreateTypeFormatters()</c>
    /// returning <see cref="TypeFormatter"/>s (or any objects of the same shape).</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types the kernel should choose first for this type (it defaults to text/html).</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
