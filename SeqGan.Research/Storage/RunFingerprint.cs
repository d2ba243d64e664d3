using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Storage;

/// <summary>
/// What determines a checkpointed run, as named entries (the kit's version, the preset's values, the input files'
/// SHA-256, the tokenisation, lengths and vocabulary): recorded beside the checkpoints, so that a resume under
/// changed settings is refused naming each entry that changed (<see cref="RunManifest"/>).
/// </summary>
public sealed class RunFingerprint
{
    private readonly SortedDictionary<string, string> entries = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Entries => entries;

    /// <summary>A fingerprint that starts with the kit's version (a run resumed by another version is refused: its code
    /// may compute other numbers).</summary>
    public static RunFingerprint OfKit(string experiment)
    {
        var version = typeof(RunFingerprint).Assembly.GetName().Version?.ToString() ?? "unknown";
        return new RunFingerprint().Add("kit", version).Add("experiment", experiment);
    }

    public RunFingerprint Add(string name, object? value)
    {
        entries[name] = Format(value);
        return this;
    }

    /// <summary>The file's SHA-256 (not its path: the same data moved elsewhere is the same run).</summary>
    public RunFingerprint AddFile(string name, string path)
    {
        using var stream = File.OpenRead(path);
        return Add(name, "sha256 " + Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>Many values as one entry, by their SHA-256 (e.g. a vocabulary's tokens).</summary>
    public RunFingerprint AddDigest(string name, IEnumerable<string> values) =>
        Add(name, "sha256 " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', values)))));

    /// <summary>Every public property of <paramref name="settings"/> (a preset record) as <c>prefix.Property</c>.</summary>
    public RunFingerprint AddProperties(string prefix, object settings)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
                Add($"{prefix}.{property.Name}", property.GetValue(settings));
        return this;
    }

    /// <summary>"name: X then, Y now" for every entry that differs from <paramref name="earlier"/>.</summary>
    public IReadOnlyList<string> ChangesSince(RunFingerprint earlier)
    {
        var changes = new List<string>();
        foreach (var name in entries.Keys.Union(earlier.entries.Keys).Order(StringComparer.Ordinal))
        {
            var then = earlier.entries.GetValueOrDefault(name);
            var now = entries.GetValueOrDefault(name);
            if (then != now) changes.Add($"{name}: {then ?? "(not recorded)"} then, {now ?? "(none)"} now");
        }
        return changes;
    }

    public JsonObject ToJson() => new(entries.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));

    public static RunFingerprint FromJson(JsonObject json, string file)
    {
        var fingerprint = new RunFingerprint();
        foreach (var (name, _) in json) fingerprint.entries[name] = JsonFields.String(json, name, file);
        return fingerprint;
    }

    /// <summary>A value as text, nested settings (a discriminator's configuration, a method's schedule) property by
    /// property — a record's own ToString names an array's type, not its items, so a changed filter width would pass.</summary>
    private static string Format(object? value) => Format(value, depth: 0);

    private static string Format(object? value, int depth) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "True" : "False",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        Enum member => member.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        Delegate => "(code)",
        _ when depth >= 8 => value.GetType().Name,
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(item => Format(item, depth + 1))) + "]",
        _ => value.GetType().Name + " { " + string.Join(", ", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => $"{p.Name} = {Format(p.GetValue(value), depth + 1)}")) + " }",
    };
}
