using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks;

/// <summary>One cell of a <see cref="NotebookDocument"/>: a view over its JSON object, so that fields this
/// runner does not know (attachments, editor metadata) are kept as they are.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json) => Json = json;

    internal JsonObject Json { get; }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "";

    public bool IsCode => CellType == "code";

    public string Source
    {
        get => MultilineText.Read(Json["source"]);
        set => Json["source"] = MultilineText.ToLines(value);
    }

    public string? Id
    {
        get => Json["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        internal set => Json["id"] = value;
    }

    public JsonObject Metadata
    {
        get
        {
            if (Json["metadata"] is JsonObject metadata) return metadata;
            var created = new JsonObject();
            Json["metadata"] = created;
            return created;
        }
    }

    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? "").ToList() : [];

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>The execution count Jupyter shows as In [n]; null for a cell that did not run.</summary>
    public int? ExecutionCount => Json["execution_count"] is JsonValue count && count.TryGetValue<int>(out var n) ? n : null;

    public JsonArray Outputs => Json["outputs"] as JsonArray ?? [];

    internal void SetExecution(int? executionCount, IEnumerable<CellOutput> outputs)
    {
        Json["execution_count"] = executionCount;
        Json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o.ToJson()).ToArray());
    }

    /// <summary>A new code cell in nbformat 4.5 shape (the id is given when the notebook is written).</summary>
    public static NotebookCell NewCode(string source, IEnumerable<string> tags, JsonObject? extraMetadata = null)
    {
        var metadata = extraMetadata?.DeepClone().AsObject() ?? new JsonObject();
        metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        return new NotebookCell(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = MultilineText.ToLines(source),
        });
    }
}
