using System.Text.Json.Nodes;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Notebooks;

/// <summary>The notebook-level metadata that tells Jupyter, VS Code and nbconvert the cells are C#:
/// kept when present, set to the kit's own kernel (<c>seqgan kernel install</c>) when missing — the
/// kernelspec and language_info that kernel reports, so a notebook run here opens on it.</summary>
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
            ["display_name"] = KernelSpecInstaller.DisplayName,
            ["language"] = KernelSpecInstaller.Language,
            ["name"] = KernelSpecInstaller.DefaultName,
        };
        metadata["language_info"] ??= KernelReplies.LanguageInfo();
    }
}
