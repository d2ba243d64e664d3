using System.Text.Json.Nodes;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>Each trace type's JSON, parsed back the way plotly.js would read it.</summary>
public class TraceJsonTests
{
    private static JsonObject OnlyTrace(Figure figure)
    {
        var parsed = JsonNode.Parse(figure.ToJson())!.AsObject();
        Assert.NotNull(parsed["layout"]);
        return Assert.Single(parsed["data"]!.AsArray())!.AsObject();
    }

    private static double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    [Fact]
    public void ScatterLineCarriesDataModeAndLineStyle()
    {
        var trace = OnlyTrace(new Figure().Add(new ScatterTrace([1, 2, 3], [4.5, 5, 6]) { Name = "MLE", Color = "#d62728", LineWidth = 3, Dash = LineDash.Dot }));
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("MLE", (string?)trace["name"]);
        Assert.Equal("lines", (string?)trace["mode"]);
        Assert.Equal([1.0, 2, 3], Numbers(trace["x"]));
        Assert.Equal([4.5, 5, 6], Numbers(trace["y"]));
        Assert.Equal("#d62728", (string?)trace["line"]!["color"]);
        Assert.Equal(3.0, trace["line"]!["width"]!.GetValue<double>());
        Assert.Equal("dot", (string?)trace["line"]!["dash"]);
        Assert.Null(trace["marker"]);
        Assert.Equal("x", (string?)trace["xaxis"]);
        Assert.Equal("y", (string?)trace["yaxis"]);
    }

    [Fact]
    public void MarkersModeWritesMarkerNotLine()
    {
        var trace = OnlyTrace(new Figure().Add(new ScatterTrace([1], [2]) { Mode = ScatterMode.Markers, Color = "red", MarkerSize = 9 }));
        Assert.Equal("markers", (string?)trace["mode"]);
        Assert.Null(trace["line"]);
        Assert.Equal("red", (string?)trace["marker"]!["color"]);
        Assert.Equal(9.0, trace["marker"]!["size"]!.GetValue<double>());
    }

    [Fact]
    public void NonFiniteValuesBecomeNullGaps()
    {
        var trace = OnlyTrace(new Figure().Add(new ScatterTrace([1, 2, 3], [1, double.NaN, double.PositiveInfinity])));
        var y = trace["y"]!.AsArray();
        Assert.Equal(1.0, y[0]!.GetValue<double>());
        Assert.Null(y[1]);
        Assert.Null(y[2]);
    }

    [Fact]
    public void ErrorBandIsOneClosedFilledOutline()
    {
        var band = ErrorBand.Create([0, 1, 2], lower: [1, 2, 3], upper: [3, 4, 5], fillColor: "rgba(31,119,180,0.2)");
        var trace = OnlyTrace(new Figure().Add(band));
        Assert.Equal("toself", (string?)trace["fill"]);
        Assert.Equal("rgba(31,119,180,0.2)", (string?)trace["fillcolor"]);
        // forward along the upper bound, back along the lower one
        Assert.Equal([0.0, 1, 2, 2, 1, 0], Numbers(trace["x"]));
        Assert.Equal([3.0, 4, 5, 3, 2, 1], Numbers(trace["y"]));
        Assert.False(trace["showlegend"]!.GetValue<bool>());
        Assert.Equal("skip", (string?)trace["hoverinfo"]);
        Assert.Equal(0.0, trace["line"]!["width"]!.GetValue<double>());
    }

    [Fact]
    public void BarCarriesCategoriesErrorBarsAndColours()
    {
        var trace = OnlyTrace(new Figure().Add(new BarTrace(["MLE", "SeqGAN"], [9.03, 8.73])
        {
            ErrorY = [0.02, 0.01], Colors = ["#1f77b4", "#ff7f0e"], Text = ["a", "b"],
        }));
        Assert.Equal("bar", (string?)trace["type"]);
        Assert.Equal(["MLE", "SeqGAN"], Strings(trace["x"]));
        Assert.Equal([9.03, 8.73], Numbers(trace["y"]));
        var errorY = trace["error_y"]!;
        Assert.Equal("data", (string?)errorY["type"]);
        Assert.Equal([0.02, 0.01], Numbers(errorY["array"]));
        Assert.True(errorY["visible"]!.GetValue<bool>());
        Assert.Equal(["#1f77b4", "#ff7f0e"], Strings(trace["marker"]!["color"]));
        Assert.Equal(["a", "b"], Strings(trace["text"]));
    }

    [Fact]
    public void HeatmapCarriesMatrixLabelsColourscaleAndColourbarTitle()
    {
        var trace = OnlyTrace(new Figure().Add(new HeatmapTrace([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])
        {
            X = ["1", "2", "3"], Y = ["the", "cat"], ColorScale = "RdBu", ColorBarTitle = "reward", ZMin = 0, ZMax = 1,
            CellText = [["a", "b", "c"], ["d", "e", "f"]],
        }));
        Assert.Equal("heatmap", (string?)trace["type"]);
        var z = trace["z"]!.AsArray();
        Assert.Equal(2, z.Count);
        Assert.Equal([0.4, 0.5, 0.6], Numbers(z[1]));
        Assert.Equal(["1", "2", "3"], Strings(trace["x"]));
        Assert.Equal(["the", "cat"], Strings(trace["y"]));
        Assert.Equal("RdBu", (string?)trace["colorscale"]);
        Assert.Equal("reward", (string?)trace["colorbar"]!["title"]!["text"]);
        Assert.Equal(0.0, trace["zmin"]!.GetValue<double>());
        Assert.Equal(1.0, trace["zmax"]!.GetValue<double>());
        Assert.Equal("%{text}", (string?)trace["texttemplate"]);
        Assert.Equal(["d", "e", "f"], Strings(trace["text"]![1]));
    }

    [Fact]
    public void HeatmapRejectsRaggedRowsAndMislabelledRows()
    {
        Assert.Throws<ArgumentException>(() => new Figure().Add(new HeatmapTrace([[1, 2], [3]])).ToJson());
        Assert.Throws<ArgumentException>(() => new Figure().Add(new HeatmapTrace([[1, 2], [3, 4]]) { Y = ["only one"] }).ToJson());
    }

    [Fact]
    public void HistogramCarriesValuesBinsAndNormalisation()
    {
        var trace = OnlyTrace(new Figure().Add(new HistogramTrace([1, 2, 2, 3]) { BinCount = 20, Normalization = HistogramNormalization.ProbabilityDensity, Opacity = 0.6, Color = "#2ca02c" }));
        Assert.Equal("histogram", (string?)trace["type"]);
        Assert.Equal([1.0, 2, 2, 3], Numbers(trace["x"]));
        Assert.Equal(20, trace["nbinsx"]!.GetValue<int>());
        Assert.Equal("probability density", (string?)trace["histnorm"]);
        Assert.Equal(0.6, trace["opacity"]!.GetValue<double>());
        Assert.Equal("#2ca02c", (string?)trace["marker"]!["color"]);
    }

    [Fact]
    public void MismatchedLengthsAreRejectedWithTheTraceName()
    {
        var error = Assert.Throws<ArgumentException>(() => new Figure().Add(new ScatterTrace([1, 2], [1]) { Name = "SS" }).ToJson());
        Assert.Contains("'SS'", error.Message);
    }

    [Fact]
    public void StringsThatCouldCloseAScriptElementAreEscaped()
    {
        var json = new Figure().WithTitle("</script><b>").ToJson();
        Assert.DoesNotContain("</script>", json);
        Assert.Equal("</script><b>", (string?)JsonNode.Parse(json)!["layout"]!["title"]!["text"]);
    }
}
