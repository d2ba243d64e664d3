using System.Text.Json;
using System.Text.RegularExpressions;

namespace SeqGan.Research.Data;

/// <summary>
/// The list of dataset files the kit uses (data/catalog.json, also compiled into this assembly so that
/// the kit finds it from any working directory). Loading validates every entry: a catalog with a bad path,
/// hash or reference is rejected with the entry named, never half used.
/// </summary>
public sealed partial class DataCatalog
{
    /// <summary>Name of the embedded copy of data/catalog.json.</summary>
    public const string ResourceName = "SeqGan.Research.Data.catalog.json";

    /// <summary>Selects every file in <see cref="Select"/>.</summary>
    public const string All = "all";

    private readonly Dictionary<string, DataCatalogEntry> byPath;

    private DataCatalog(string source, IReadOnlyList<DataCatalogEntry> entries)
    {
        Source = source;
        Entries = entries;
        byPath = entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        Datasets = entries.Select(e => e.Dataset).Distinct().ToList();
    }

    /// <summary>Where the catalog was read from (for messages).</summary>
    public string Source { get; }

    public IReadOnlyList<DataCatalogEntry> Entries { get; }

    /// <summary>Dataset names in catalog order.</summary>
    public IReadOnlyList<string> Datasets { get; }

    /// <summary>The catalog committed as data/catalog.json, as compiled into this assembly.</summary>
    public static DataCatalog BuiltIn()
    {
        using var stream = typeof(DataCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly has no embedded resource {ResourceName} (build problem)");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "data/catalog.json (built in)");
    }

    public static DataCatalog Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"data catalog not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    public static DataCatalog Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: expected a JSON object with \"format\" and \"files\"");
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number || format.GetDouble() != 1)
                throw new InvalidDataException($"{source}: \"format\" must be 1 (this kit reads catalog format 1)");
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{source}: \"files\" must be an array");
            var entries = files.EnumerateArray().Select((file, i) => ParseEntry(file, $"{source}: files[{i}]")).ToList();
            Validate(entries, source);
            return new DataCatalog(source, entries);
        }
    }

    public DataCatalogEntry? TryGet(string path) => byPath.GetValueOrDefault(Normalize(path));

    /// <summary>The entry of one file, by its relative path.</summary>
    public DataCatalogEntry Get(string path) =>
        TryGet(path) ?? throw new ArgumentException($"'{path}' is not a file of the data catalog ({Source}); {Hint(path)}");

    /// <summary>
    /// The files a user means by <paramref name="name"/>: <c>all</c>, a dataset name (every file of it)
    /// or one file's relative path.
    /// </summary>
    public IReadOnlyList<DataCatalogEntry> Select(string name)
    {
        var normalized = Normalize(name);
        if (normalized == All) return Entries;
        if (Datasets.Contains(normalized)) return Entries.Where(e => e.Dataset == normalized).ToList();
        if (TryGet(normalized) is { } entry) return [entry];
        throw new ArgumentException($"'{name}' is neither a dataset nor a file of the data catalog; {Hint(normalized)}");
    }

    private string Hint(string name)
    {
        var file = name.Split('/')[^1];
        var similar = Entries.Where(e => e.Path.EndsWith("/" + file, StringComparison.Ordinal)).Select(e => e.Path).ToList();
        return similar.Count > 0
            ? $"did you mean {string.Join(" or ", similar)}?"
            : $"datasets: {string.Join(", ", Datasets)} (or 'all'; `seqgan data list` shows every file)";
    }

    private static string Normalize(string name) => name.Trim().Replace('\\', '/').TrimStart('.', '/').TrimEnd('/');

    private static DataCatalogEntry ParseEntry(JsonElement file, string where)
    {
        if (file.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: expected an object");
        string Text(string property, bool optional = false)
        {
            if (file.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString()!;
            if (optional && (!file.TryGetProperty(property, out value) || value.ValueKind == JsonValueKind.Null)) return "";
            throw new InvalidDataException($"{where}: \"{property}\" must be a string");
        }
        var path = Text("path");
        where = $"{where} ({path})";
        if (!file.TryGetProperty("size", out var sizeElement) || !sizeElement.TryGetInt64(out var size) || size < 0)
            throw new InvalidDataException($"{where}: \"size\" must be a non-negative integer");
        string? url = null;
        if (file.TryGetProperty("url", out var urlElement) && urlElement.ValueKind != JsonValueKind.Null)
        {
            url = urlElement.ValueKind == JsonValueKind.String ? urlElement.GetString() : null;
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                throw new InvalidDataException($"{where}: \"url\" must be an https URL or null (mirror-only)");
        }
        var derivedFrom = new List<string>();
        if (file.TryGetProperty("derivedFrom", out var derived) && derived.ValueKind != JsonValueKind.Null)
        {
            if (derived.ValueKind != JsonValueKind.Array || derived.EnumerateArray().Any(d => d.ValueKind != JsonValueKind.String))
                throw new InvalidDataException($"{where}: \"derivedFrom\" must be an array of paths");
            derivedFrom.AddRange(derived.EnumerateArray().Select(d => d.GetString()!));
        }
        var sha256 = Text("sha256");
        if (!Sha256Pattern().IsMatch(sha256))
            throw new InvalidDataException($"{where}: \"sha256\" must be 64 lower-case hex digits, got '{sha256}'");
        return new DataCatalogEntry(Text("dataset"), path, url, sha256, size, Text("license"), Text("note", optional: true), derivedFrom);
    }

    private static void Validate(List<DataCatalogEntry> entries, string source)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var segments = e.Path.Split('/');
            if (e.Path.Contains('\\') || Path.IsPathRooted(e.Path) || segments.Any(s => s is "" or "." or ".."))
                throw new InvalidDataException($"{source}: '{e.Path}' must be a relative path with '/' separators and no '.', '..' or empty parts");
            if (segments.Length < 2 || segments[0] != e.Dataset)
                throw new InvalidDataException($"{source}: '{e.Path}' must lie in its dataset's folder '{e.Dataset}/'");
            if (e.Dataset == All) throw new InvalidDataException($"{source}: '{All}' is reserved and cannot name a dataset");
            if (!paths.Add(e.Path)) throw new InvalidDataException($"{source}: '{e.Path}' is listed twice");
            if (e.License.Length == 0) throw new InvalidDataException($"{source}: '{e.Path}' has an empty license");
            if (e.IsMirrorOnly && e.DerivedFrom.Count == 0)
                throw new InvalidDataException($"{source}: '{e.Path}' has no url, so it must say what it is derived from (\"derivedFrom\")");
        }
        foreach (var e in entries)
            foreach (var input in e.DerivedFrom.Where(d => !d.EndsWith('/') && !paths.Contains(d)))
                throw new InvalidDataException($"{source}: '{e.Path}' is derived from '{input}', which is not in the catalog (a folder must end in '/')");
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
