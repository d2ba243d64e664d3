using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Storage;

/// <summary>
/// Reads the fields of a JSON file the kit wrote (a model's sizes, a vocabulary, a checkpoint's state) without trusting
/// them: a missing field, a wrong type or a value out of range is an <see cref="InvalidDataException"/> naming the file,
/// the field and what was expected — never System.Text.Json's own error without the file, nor a value that makes a run
/// go wrong later (a negative size, a start token beyond the vocabulary, a length of two billion).
/// </summary>
public static class JsonFields
{
    /// <summary>The file's top-level JSON object.</summary>
    public static JsonObject ReadObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Int(JsonObject json, string name, string file, int min = int.MinValue, int max = int.MaxValue) =>
        (int)Long(json, name, file, min, max);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static long Long(JsonObject json, string name, string file, long min = long.MinValue, long max = long.MaxValue)
    {
        var node = Required(json, name, file);
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out var number))
            throw Invalid(file, name, "an integer", node);
        if (number < min || number > max) throw Invalid(file, name, $"an integer in {Range(min, max)}", node);
        return number;
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double Double(JsonObject json, string name, string file, double min = double.MinValue, double max = double.MaxValue)
    {
        var node = Required(json, name, file);
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<double>(out var number) || !double.IsFinite(number))
            throw Invalid(file, name, "a finite number", node);
        if (number < min || number > max) throw Invalid(file, name, $"a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]", node);
        return number;
    }

    public static string String(JsonObject json, string name, string file) =>
        OptionalString(json, name, file) ?? throw new InvalidDataException($"{file}: \"{name}\" is missing (expected a string)");

    /// <summary>A string, or null when the field is absent or null.</summary>
    public static string? OptionalString(JsonObject json, string name, string file)
    {
        var node = json[name];
        if (node is null) return null;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw Invalid(file, name, "a string", node);
    }

    public static bool Bool(JsonObject json, string name, string file)
    {
        var node = Required(json, name, file);
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(file, name, "true or false", node),
        };
    }

    public static JsonObject Object(JsonObject json, string name, string file) =>
        Required(json, name, file) as JsonObject ?? throw Invalid(file, name, "an object", json[name]);

    public static JsonArray Array(JsonObject json, string name, string file) =>
        Required(json, name, file) as JsonArray ?? throw Invalid(file, name, "an array", json[name]);

    private static JsonNode Required(JsonObject json, string name, string file) =>
        json[name] ?? throw new InvalidDataException($"{file}: \"{name}\" is missing");

    private static InvalidDataException Invalid(string file, string name, string expected, JsonNode? found)
    {
        var text = found?.ToJsonString() ?? "null";
        if (text.Length > 60) text = text[..57] + "...";
        return new InvalidDataException($"{file}: \"{name}\" must be {expected}, found {text}");
    }

    private static string Range(long min, long max) =>
        max == long.MaxValue || max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{min}..")
            : string.Create(CultureInfo.InvariantCulture, $"{min}..{max}");
}
