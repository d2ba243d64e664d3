using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks;

/// <summary>The notebook-level metadata that tells Jupyter, VS Code and nbconvert the cells are C#:
/// kept when present, set to the .NET Interactive C# kernel's when missing.</summary>
internal static class CSharpNotebookMetadata
{
    public static void Apply(NotebookDocument notebook)
    {
        var metadata = notebook.Metadata;
        if (metadata["kernelspec"] is JsonObject kernel && kernel["language"] is JsonValue language
            && language.TryGetValue<string>(out var name) && name.ToLowerInvariant() is not ("c#" or "csharp"))
            throw new InvalidDataException($"the notebook's kernel is for {name}; seqgan notebook run executes C# notebooks");
        metadata["kernelspec"] ??= new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        metadata["language_info"] ??= new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
        };
    }
}
