using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>Display formatting is pluggable: a registered formatter is asked first (a figure as HTML + PNG),
/// the default one completes it with text/plain and handles everything else.</summary>
public sealed class DisplayFormatterTests
{
    [Fact]
    public async Task A_registered_formatter_is_asked_first_and_binary_data_is_stored_as_base64()
    {
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var options = new NotebookRunOptions().WithFormatter(new PngForIntegerArrays(png));
        using var notebook = new TestNotebook()
            .Code("display(new[] { 1, 2 });\ndisplay(\"plain\");\nnew[] { 3 }");
        var result = await notebook.RunAsync(options);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var outputs = notebook.Outputs(0);
        Assert.Equal(png, outputs[0]!["data"]!["image/png"]!.GetValue<string>());
        Assert.Equal("[1, 2]", TestNotebook.Text(outputs[0]!["data"]!["text/plain"]));
        Assert.Null(outputs[1]!["data"]!["image/png"]);
        Assert.Equal("plain", TestNotebook.Text(outputs[1]!["data"]!["text/plain"]));
        Assert.Equal(png, outputs[2]!["data"]!["image/png"]!.GetValue<string>());
    }

    [Fact]
    public void The_default_formatter_uses_ToHtml_when_a_value_has_one()
    {
        var data = new DefaultDisplayFormatter().Format(new HtmlTable());
        Assert.Equal("<table></table>", data["text/html"]);
        Assert.Equal("table", data["text/plain"]);
        Assert.Equal(["text/plain"], new DefaultDisplayFormatter().Format(3.5).Keys);
        Assert.Equal("3.5", new DefaultDisplayFormatter().Format(3.5)["text/plain"]);
    }

    [Fact]
    public void Json_representations_are_stored_as_json()
    {
        var json = CellOutput.MimeBundle(new Dictionary<string, string> { ["application/vnd.plotly.v1+json"] = "{\"data\":[]}" });
        Assert.IsType<System.Text.Json.Nodes.JsonObject>(json["application/vnd.plotly.v1+json"]);
    }

    private sealed class PngForIntegerArrays(string png) : IDisplayFormatter
    {
        public IReadOnlyDictionary<string, string> Format(object value) =>
            value is int[] ? new Dictionary<string, string> { ["image/png"] = png } : new Dictionary<string, string>();
    }

    private sealed class HtmlTable
    {
        public string ToHtml() => "<table></table>";

        public override string ToString() => "table";
    }
}
