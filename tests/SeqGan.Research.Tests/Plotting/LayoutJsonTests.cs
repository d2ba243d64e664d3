using System.Text.Json.Nodes;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>Titles, axes, subplot grids and marker lines in the layout.</summary>
public class LayoutJsonTests
{
    private static JsonObject Parse(Figure figure) => JsonNode.Parse(figure.ToJson())!.AsObject();

    [Fact]
    public void TitlesAreTextObjects()
    {
        var layout = Parse(new Figure().WithTitle("Figure 2").WithXAxis("epoch").WithYAxis("NLL by oracle").WithSize(640, 480))["layout"]!;
        Assert.Equal("Figure 2", (string?)layout["title"]!["text"]);
        Assert.Equal("epoch", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal("NLL by oracle", (string?)layout["yaxis"]!["title"]!["text"]);
        Assert.Equal(640, layout["width"]!.GetValue<int>());
        Assert.Equal(480, layout["height"]!.GetValue<int>());
    }

    [Fact]
    public void AxisRangeScaleAndReversal()
    {
        var layout = Parse(new Figure()
            .WithXAxis(new Axis("t") { Scale = AxisScale.Log })
            .WithYAxis(new Axis { Min = 8, Max = 10, Reversed = true }))["layout"]!;
        Assert.Equal("log", (string?)layout["xaxis"]!["type"]);
        Assert.Equal([10.0, 8.0], layout["yaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Throws<ArgumentException>(() => new Figure().WithYAxis(new Axis { Min = 1 }).ToJson());
    }

    [Fact]
    public void SubplotTracesUseTheirOwnAxesOnTheGrid()
    {
        var figure = new Figure().WithGrid(2, 2);
        for (var subplot = 1; subplot <= 4; subplot++)
            figure = figure.Add(new ScatterTrace([0, 1], [subplot, subplot]) { Subplot = subplot })
                .WithXAxis($"x of {subplot}", subplot).WithSubplotTitle(subplot, $"panel {subplot}");
        var json = Parse(figure);

        var data = json["data"]!.AsArray();
        Assert.Equal(["x", "x2", "x3", "x4"], data.Select(t => (string)t!["xaxis"]!));
        Assert.Equal(["y", "y2", "y3", "y4"], data.Select(t => (string)t!["yaxis"]!));
        var layout = json["layout"]!;
        Assert.Equal(2, layout["grid"]!["rows"]!.GetValue<int>());
        Assert.Equal(2, layout["grid"]!["columns"]!.GetValue<int>());
        Assert.Equal("independent", (string?)layout["grid"]!["pattern"]);
        Assert.Equal("x of 3", (string?)layout["xaxis3"]!["title"]!["text"]);
        Assert.NotNull(layout["yaxis4"]);
        var titles = layout["annotations"]!.AsArray();
        Assert.Equal(["panel 1", "panel 2", "panel 3", "panel 4"], titles.Select(a => (string)a!["text"]!));
        Assert.Equal("x3 domain", (string?)titles[2]!["xref"]);
        Assert.Equal("y3 domain", (string?)titles[2]!["yref"]);
    }

    [Fact]
    public void VerticalMarkerIsAFullHeightLineShapeWithALabel()
    {
        var layout = Parse(new Figure().Add(new ScatterTrace([0, 10], [1, 2])).WithVerticalMarker(80, "pretraining ends"))["layout"]!;
        var shape = Assert.Single(layout["shapes"]!.AsArray())!;
        Assert.Equal("line", (string?)shape["type"]);
        Assert.Equal("x", (string?)shape["xref"]);
        Assert.Equal("paper", (string?)shape["yref"]);
        Assert.Equal(80.0, shape["x0"]!.GetValue<double>());
        Assert.Equal(80.0, shape["x1"]!.GetValue<double>());
        Assert.Equal(0.0, shape["y0"]!.GetValue<double>());
        Assert.Equal(1.0, shape["y1"]!.GetValue<double>());
        Assert.Equal("dash", (string?)shape["line"]!["dash"]);
        var label = Assert.Single(layout["annotations"]!.AsArray())!;
        Assert.Equal("pretraining ends", (string?)label["text"]);
        Assert.Equal(80.0, label["x"]!.GetValue<double>());
        Assert.Equal("paper", (string?)label["yref"]);
        Assert.False(label["showarrow"]!.GetValue<bool>());
    }

    [Fact]
    public void MarkerInAGridSpansOnlyItsSubplot()
    {
        var layout = Parse(new Figure().WithGrid(1, 2).WithVerticalMarker(5, subplot: 2))["layout"]!;
        var shape = Assert.Single(layout["shapes"]!.AsArray())!;
        Assert.Equal("x2", (string?)shape["xref"]);
        Assert.Equal("y2 domain", (string?)shape["yref"]);
        Assert.Null(layout["annotations"]);
    }

    [Fact]
    public void FiguresAreImmutable()
    {
        var plain = new Figure();
        var titled = plain.WithTitle("t").Add(new HistogramTrace([1]));
        Assert.Null(plain.Layout.Title);
        Assert.Empty(plain.Traces);
        Assert.Single(titled.Traces);
        Assert.Equal("Figure \"t\" (histogram)", titled.ToString());
    }

    [Fact]
    public void BarModeAndLegendSwitch()
    {
        var layout = Parse(new Figure().WithBarMode(BarMode.Overlay).WithLegend(false))["layout"]!;
        Assert.Equal("overlay", (string?)layout["barmode"]);
        Assert.False(layout["showlegend"]!.GetValue<bool>());
    }
}
