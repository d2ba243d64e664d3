namespace SeqGan.Research.Notebooks;

/// <summary>A <c>--param name=value</c> of <c>seqgan notebook run</c>: the value as the user typed it;
/// how it becomes C# depends on the variable's declaration in the parameters cell
/// (see <see cref="ParameterLiteral"/>).</summary>
public sealed record NotebookParameter(string Name, string Value)
{
    public static NotebookParameter Parse(string nameEqualsValue)
    {
        var equals = nameEqualsValue.IndexOf('=');
        if (equals <= 0)
            throw new ArgumentException($"--param '{nameEqualsValue}' is not of the form name=value");
        return new NotebookParameter(nameEqualsValue[..equals].Trim(), nameEqualsValue[(equals + 1)..]);
    }
}
