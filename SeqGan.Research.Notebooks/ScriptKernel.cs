using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace SeqGan.Research.Notebooks;

/// <summary>A C# kernel on Roslyn scripting: each cell is a submission that continues the previous
/// one's state, so variables, types and <c>#r</c> references carry over as in Jupyter.</summary>
internal sealed class ScriptKernel(ScriptOptions initialOptions, ScriptGlobals globals)
{
    private ScriptOptions options = initialOptions;
    private ScriptState<object>? state;

    /// <summary>How <paramref name="code"/> compiles as the next cell — with the variables, types and references of
    /// the cells run so far — without running it: what completion and inspection look at.</summary>
    public Compilation CompileNext(string code)
    {
        var script = state is null
            ? CSharpScript.Create(code, options, typeof(ScriptGlobals))
            : state.Script.ContinueWith(code, options);
        return script.GetCompilation();
    }

    /// <param name="cellName">how stack traces name the cell's code, with its line numbers</param>
    /// <param name="compiled">told when the code compiled and starts running (a cell's time limit counts from there)</param>
    public async Task<CellOutcome> ExecuteAsync(string code, string cellName, IReadOnlyList<string> extraReferences, CancellationToken cancellationToken,
        Action? compiled = null)
    {
        if (extraReferences.Count > 0)
            options = options.AddReferences(extraReferences.Select(path => MetadataReference.CreateFromFile(path)));
        var cellOptions = options.WithFilePath(cellName);
        var script = state is null
            ? CSharpScript.Create(code, cellOptions, typeof(ScriptGlobals))
            : state.Script.ContinueWith(code, cellOptions);

        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return new CellOutcome.Failed(CellErrors.FromCompilation(errors));
        compiled?.Invoke();

        // catchException keeps the state usable and hands the exception back instead of throwing it.
        var next = state is null
            ? await script.RunAsync(globals, _ => true, cancellationToken).ConfigureAwait(false)
            : await script.RunFromAsync(state, _ => true, cancellationToken).ConfigureAwait(false);
        if (next.Exception is { } exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state = next;
            return new CellOutcome.Failed(CellErrors.FromException(exception));
        }
        state = next;
        return new CellOutcome.Completed(next.ReturnValue);
    }
}
