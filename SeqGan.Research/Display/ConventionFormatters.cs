using System.Collections;
using System.Reflection;

namespace SeqGan.Research.Display;

/// <summary>
/// Finds a type's formatters the way .NET Interactive does for libraries that do not reference it: any
/// attribute named <c>TypeFormatterSourceAttribute</c> with a <c>FormatterSourceType</c>, whose source's
/// <c>CreateTypeFormatters()</c> yields objects with <c>Type</c>, <c>MimeType</c> and
/// <c>bool Format(object, TextWriter)</c>. Matching by shape, not by our own types, means third-party
/// types that follow the convention display here too.
/// </summary>
internal static class ConventionFormatters
{
    public static IEnumerable<TypeFormatter> For(Type valueType)
    {
        for (var type = valueType; type is not null; type = type.BaseType)
            foreach (var attribute in type.GetCustomAttributes(inherit: false))
            {
                if (attribute.GetType().Name != nameof(TypeFormatterSourceAttribute)) continue;
                if (Property(attribute, nameof(TypeFormatterSourceAttribute.FormatterSourceType)) is not Type sourceType) continue;
                foreach (var formatter in CreateFormatters(sourceType))
                    if (formatter.Type.IsAssignableFrom(valueType)) yield return formatter;
            }
    }

    private static IEnumerable<TypeFormatter> CreateFormatters(Type sourceType)
    {
        var source = Activator.CreateInstance(sourceType)
            ?? throw new InvalidOperationException($"formatter source {sourceType} could not be created");
        var create = sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)
            ?? throw new InvalidOperationException($"formatter source {sourceType} has no public CreateTypeFormatters()");
        if (create.Invoke(source, null) is not IEnumerable formatters) yield break;
        foreach (var formatter in formatters)
        {
            if (formatter is TypeFormatter ours)
            {
                yield return ours;
                continue;
            }
            if (formatter is null || Property(formatter, nameof(TypeFormatter.MimeType)) is not string mimeType) continue;
            var format = formatter.GetType().GetMethod(nameof(TypeFormatter.Format), [typeof(object), typeof(TextWriter)]);
            if (format is null || format.ReturnType != typeof(bool)) continue;
            var type = Property(formatter, nameof(TypeFormatter.Type)) as Type ?? typeof(object);
            yield return new TypeFormatter(type, mimeType, (instance, writer) => (bool)format.Invoke(formatter, [instance, writer])!);
        }
    }

    private static object? Property(object target, string name) =>
        target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(target);
}
