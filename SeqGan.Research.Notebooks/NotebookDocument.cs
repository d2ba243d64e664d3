using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Notebooks;

/// <summary>An nbformat 4 notebook held as its JSON, so that metadata and fields this runner does not
/// know survive a run. Written as nbformat 4.5 (cell ids) the way Jupyter writes it — keys sorted,
/// one-space indent — so that saving it again from Jupyter gives no spurious diff.</summary>
public sealed partial class NotebookDocument
{
    private readonly JsonObject root;

    private NotebookDocument(JsonObject root) => this.root = root;

    public static NotebookDocument Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    public static NotebookDocument Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a notebook: invalid JSON ({e.Message})", e);
        }
        if (node is not JsonObject root || root["cells"] is not JsonArray cells)
            throw new InvalidDataException("not a notebook: no \"cells\" array");
        var major = root["nbformat"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        if (major != 4)
            throw new InvalidDataException($"nbformat {major} is not supported (only nbformat 4; convert with `jupyter nbconvert --to notebook`)");
        if (cells.Any(c => c is not JsonObject))
            throw new InvalidDataException("not a notebook: a cell is not a JSON object");
        return new NotebookDocument(root);
    }

    /// <summary>An empty C# notebook (nbformat 4.5).</summary>
    public static NotebookDocument Create() =>
        new(new JsonObject { ["cells"] = new JsonArray(), ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 });

    private JsonArray CellArray => (JsonArray)root["cells"]!;

    public IReadOnlyList<NotebookCell> Cells => CellArray.Select(c => new NotebookCell((JsonObject)c!)).ToList();

    public JsonObject Metadata
    {
        get
        {
            if (root["metadata"] is JsonObject metadata) return metadata;
            var created = new JsonObject();
            root["metadata"] = created;
            return created;
        }
    }

    public void InsertCell(int index, NotebookCell cell) => CellArray.Insert(index, cell.Json);

    public void AddCell(NotebookCell cell) => CellArray.Add(cell.Json);

    public void RemoveCellAt(int index) => CellArray.RemoveAt(index);

    public string ToJson()
    {
        UpgradeToCellIds();
        var options = new JsonWriterOptions { Indented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
            Sorted(root)!.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes atomically: an interrupted run never leaves a truncated notebook behind.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>nbformat 4.5 requires a unique id per cell. Missing or invalid ones are derived from the
    /// cell's position and source, so re-running a notebook does not churn them.</summary>
    private void UpgradeToCellIds()
    {
        var minor = root["nbformat_minor"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
        root["nbformat"] = 4;
        root["nbformat_minor"] = Math.Max(minor, 5);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var cells = Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var id = cells[i].Id;
            if (id is not null && ValidCellId().IsMatch(id) && used.Add(id)) continue;
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{i}\n{cells[i].Source}")))[..8];
            var candidate = hash;
            for (var suffix = 1; !used.Add(candidate); suffix++) candidate = $"{hash}-{suffix}";
            cells[i].Id = candidate;
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ValidCellId();
}
