using SeqGan.Research.Notebooks;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>Completion, inspection and completeness as the kernel answers them, against a session in which a
/// cell has already run (so its variables are in scope), without sockets.</summary>
public sealed class CodeAssistanceTests
{
    private static async Task<ScriptSession> SessionWith(string cell)
    {
        var session = new ScriptSession(Path.GetTempPath(), new NotebookRunOptions().DisplayFormatters);
        var error = await session.RunAsync(session.Prepare(cell), "cell 1", 1, new CellOutputCollector(), CancellationToken.None);
        Assert.Null(error);
        return session;
    }

    [Fact]
    public async Task Completes_earlier_variables_their_members_extension_methods_and_static_members()
    {
        var session = await SessionWith("var numbers = new List<int> { 1, 2, 3 };");

        var names = CodeCompletion.Complete(session.Kernel, "var total = num", 15);
        Assert.Contains("numbers", names.Matches);
        Assert.Equal((12, 15), (names.Start, names.End));

        var members = CodeCompletion.Complete(session.Kernel, "numbers.Se", 10);
        Assert.Contains("Select", members.Matches);          // System.Linq, imported in every cell
        Assert.DoesNotContain("numbers", members.Matches);
        Assert.Equal(8, members.Start);

        var statics = CodeCompletion.Complete(session.Kernel, "Math.", 5);
        Assert.Contains("Max", statics.Matches);
        Assert.DoesNotContain("GetHashCode", statics.Matches);   // instance members are not offered on a type name
    }

    [Fact]
    public async Task Inspection_shows_the_signature_and_the_kits_doc_summary()
    {
        var session = await SessionWith("using SeqGan.Research;\nvar numbers = new List<int> { 1, 2, 3 };");
        Assert.Equal("variable List<int> numbers", CodeInspection.Inspect(session.Kernel, "numbers.Count", 3));
        Assert.StartsWith("property int List<int>.Count", CodeInspection.Inspect(session.Kernel, "numbers.Count", 10));
        var interruption = CodeInspection.Inspect(session.Kernel, "Interruption.ThrowIfRequested()", 16);
        Assert.StartsWith("method void Interruption.ThrowIfRequested(CancellationToken cancellation = default", interruption);
        Assert.Contains("Throws OperationCanceledException when cancellation or the ambient token asks to stop.", interruption);
        Assert.Null(CodeInspection.Inspect(session.Kernel, "   ", 1));
    }

    [Theory]
    [InlineData("", "complete")]
    [InlineData("var x = 1;", "complete")]
    [InlineData("for (var i = 0; i < 3; i++) {", "incomplete")]
    [InlineData("var text = \"\"\"", "incomplete")]
    [InlineData("Console.WriteLine(1)", "complete")]   // a script's last expression needs no semicolon
    public void Completeness_follows_roslyns_complete_submission_rule(string code, string expected) =>
        Assert.Equal(expected, CodeCompleteness.Status(code));
}
