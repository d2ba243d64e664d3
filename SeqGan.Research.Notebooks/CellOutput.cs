using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks;

/// <summary>One output of a code cell, as nbformat 4 defines them.</summary>
public abstract record CellOutput
{
    internal abstract JsonObject ToJson();

    /// <summary>A mime bundle as nbformat stores it: text as a list of lines, JSON types
    /// (application/json, application/*+json) as JSON, binary types (image/png) as the base64 string.</summary>
    internal static JsonObject MimeBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mimeType, content) in data)
            bundle[mimeType] = IsJson(mimeType) ? ParseJson(mimeType, content)
                : IsText(mimeType) ? MultilineText.ToLines(content)
                : JsonValue.Create(content);
        return bundle;
    }

    /// <summary>A mime bundle as Jupyter messages carry it: like <see cref="MimeBundle"/>, but text as one string.</summary>
    internal static JsonObject MessageBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mimeType, content) in data)
            bundle[mimeType] = IsJson(mimeType) ? ParseJson(mimeType, content) : JsonValue.Create(content);
        return bundle;
    }

    private static bool IsJson(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    private static bool IsText(string mimeType) =>
        mimeType.StartsWith("text/", StringComparison.Ordinal) || mimeType == "image/svg+xml" || mimeType.EndsWith("+xml", StringComparison.Ordinal);

    private static JsonNode? ParseJson(string mimeType, string content)
    {
        try
        {
            return JsonNode.Parse(content);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the {mimeType} output is not valid JSON: {e.Message}", e);
        }
    }
}

/// <summary>Text a cell wrote to stdout or stderr.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    internal override JsonObject ToJson() => new()
    {
        ["output_type"] = "stream",
        ["name"] = Name,
        ["text"] = MultilineText.ToLines(Text),
    };
}

/// <summary>What <c>display(value)</c> showed: one representation per mime type.</summary>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data) : CellOutput
{
    internal override JsonObject ToJson() => new()
    {
        ["output_type"] = "display_data",
        ["data"] = MimeBundle(Data),
        ["metadata"] = new JsonObject(),
    };
}

/// <summary>The value of a cell's last expression, shown as Out [n].</summary>
public sealed record ExecuteResultOutput(int ExecutionCount, IReadOnlyDictionary<string, string> Data) : CellOutput
{
    internal override JsonObject ToJson() => new()
    {
        ["output_type"] = "execute_result",
        ["execution_count"] = ExecutionCount,
        ["data"] = MimeBundle(Data),
        ["metadata"] = new JsonObject(),
    };
}

/// <summary>A compilation error or an exception: Jupyter's ename / evalue / traceback.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput
{
    internal override JsonObject ToJson() => new()
    {
        ["output_type"] = "error",
        ["ename"] = Name,
        ["evalue"] = Value,
        ["traceback"] = new JsonArray(Traceback.Select(line => (JsonNode)JsonValue.Create(line)).ToArray()),
    };
}
