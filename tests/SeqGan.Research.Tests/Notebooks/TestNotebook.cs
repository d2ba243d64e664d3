using System.Text.Json.Nodes;
using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>Small notebooks written by the tests into their own temporary folder, run through the runner,
/// and read back from the written file (what Jupyter would see).</summary>
internal sealed class TestNotebook : IDisposable
{
    private readonly List<JsonObject> cells = [];

    public TestNotebook(string name = "test")
    {
        Folder = Directory.CreateTempSubdirectory("seqgan-notebook-").FullName;
        Path = System.IO.Path.Combine(Folder, name + ".ipynb");
    }

    public string Folder { get; }

    public string Path { get; }

    public string ExecutedPath => NotebookRunner.DefaultOutputPath(Path);

    public TestNotebook Code(string source, params string[] tags)
    {
        var metadata = new JsonObject();
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        cells.Add(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        });
        return this;
    }

    public TestNotebook Markdown(string source)
    {
        cells.Add(new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source });
        return this;
    }

    /// <summary>Written as nbformat 4.4 without cell ids, as older Jupyter and .NET Interactive files are:
    /// the runner must upgrade it to 4.5.</summary>
    public void Write()
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c.DeepClone()).ToArray()),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        };
        File.WriteAllText(Path, notebook.ToJsonString());
    }

    public async Task<NotebookRunResult> RunAsync(params NotebookParameter[] parameters) => await RunAsync(new NotebookRunOptions(), parameters);

    public async Task<NotebookRunResult> RunAsync(NotebookRunOptions options, params NotebookParameter[] parameters)
    {
        Write();
        return await new NotebookRunner(options).RunFileAsync(Path, parameters: parameters);
    }

    /// <summary>The executed notebook as written to disk.</summary>
    public JsonObject Executed() => JsonNode.Parse(File.ReadAllText(ExecutedPath))!.AsObject();

    public JsonArray ExecutedCells() => Executed()["cells"]!.AsArray();

    public JsonArray Outputs(int cellIndex) => ExecutedCells()[cellIndex]!["outputs"]!.AsArray();

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>A multiline string of nbformat (a string or a list of lines) as one string.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        null => "",
        _ => node.GetValue<string>(),
    };
}
