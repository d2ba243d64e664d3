using System.Text;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks;

/// <summary>papermill's convention: a new cell tagged <c>injected-parameters</c>, right after the code cell
/// tagged <c>parameters</c>, assigns the values given on the command line; the defaults cell itself is
/// left as written. An injected cell from an earlier run is replaced. Each name must be a variable the
/// parameters cell declares: an assignment to anything else would not compile.</summary>
internal static class ParameterInjection
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Returns the index of the injected cell, or null when there were no parameters.</summary>
    public static int? Inject(NotebookDocument notebook, IReadOnlyList<NotebookParameter> parameters)
    {
        if (parameters.Count == 0) return null;
        for (var i = notebook.Cells.Count - 1; i >= 0; i--)
            if (notebook.Cells[i].HasTag(InjectedTag)) notebook.RemoveCellAt(i);

        var cells = notebook.Cells;
        var index = cells.ToList().FindIndex(c => c.IsCode && c.HasTag(ParametersTag));
        if (index < 0)
            throw new ArgumentException($"--param was given, but no code cell of the notebook is tagged '{ParametersTag}' (add the tag to the cell that declares the defaults)");
        var parametersCell = cells[index];
        var declared = ParameterDeclaration.ReadAll(parametersCell.Source);

        var source = new StringBuilder("// Parameters injected by `seqgan notebook run`\n");
        var lastValueByName = parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last());
        foreach (var parameter in lastValueByName)
        {
            if (!declared.TryGetValue(parameter.Name, out var declaration))
                throw new ArgumentException($"--param {parameter.Name}: the parameters cell declares no variable '{parameter.Name}'"
                    + (declared.Count > 0 ? $" (it declares: {string.Join(", ", declared.Keys)})" : ""));
            if (declaration.IsConst)
                throw new ArgumentException($"--param {parameter.Name}: '{parameter.Name}' is const in the parameters cell; declare it as a variable to make it a parameter");
            source.Append($"{parameter.Name} = {ParameterLiteral.Format(declaration, parameter.Value)};\n");
        }
        notebook.InsertCell(index + 1, NotebookCell.NewCode(source.ToString(), [InjectedTag], KernelMetadata(parametersCell)));
        return index + 1;
    }

    /// <summary>The Polyglot Notebooks language keys of the parameters cell, so the injected cell opens
    /// in the same kernel there.</summary>
    private static JsonObject KernelMetadata(NotebookCell parametersCell)
    {
        var metadata = new JsonObject();
        foreach (var key in new[] { "dotnet_interactive", "polyglot_notebook" })
            if (parametersCell.Metadata[key] is { } value) metadata[key] = value.DeepClone();
        return metadata;
    }
}
