using System.Text.Json.Nodes;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>The kit's standard figures built from plain data.</summary>
public class ChartsTests
{
    private static JsonObject Parse(Figure figure) => JsonNode.Parse(figure.ToJson())!.AsObject();

    private static Series Noisy(string name, double offset) =>
        Series.MeanAndStandardDeviation(name, [(0, offset), (0, offset + 2), (1, offset + 1), (1, offset + 1)]);

    [Fact]
    public void MeanAndStandardDeviationOverSeeds()
    {
        var series = Series.MeanAndStandardDeviation("m", [(2, 5), (1, 1), (1, 3), (2, 5)]);
        Assert.Equal([1.0, 2.0], series.Points.Select(p => p.X));
        Assert.Equal([2.0, 5.0], series.Points.Select(p => p.Y));
        Assert.Equal(Math.Sqrt(2), series.Points[0].Spread!.Value, 12);
        Assert.Equal(0.0, series.Points[1].Spread);
        Assert.Null(Series.MeanAndStandardDeviation("one", [(0, 1)]).Points[0].Spread);
    }

    [Fact]
    public void TrainingCurvesDrawBandsUnderLinesAndTheMarker()
    {
        var figure = Charts.TrainingCurves([Noisy("MLE", 9), Series.FromPoints("SeqGAN", [(0, 8), (1, 7)])],
            new CurveChartOptions { Title = "curves", YTitle = "NLL", MarkerX = 0.5 });
        var json = Parse(figure);
        var data = json["data"]!.AsArray();
        // MLE has a spread: band then line; SeqGAN has none: line only.
        Assert.Equal(["toself", null, null], data.Select(t => (string?)t!["fill"]));
        Assert.Equal(["MLE", "MLE", "SeqGAN"], data.Select(t => (string?)t!["legendgroup"]));
        Assert.Equal("rgba(31,119,180,0.2)", (string?)data[0]!["fillcolor"]);
        Assert.Equal("#1f77b4", (string?)data[1]!["line"]!["color"]);
        Assert.Equal("#ff7f0e", (string?)data[2]!["line"]!["color"]);
        // band = mean ± sd: at x=0 the mean is 10 and sd sqrt(2)
        Assert.Equal(10 + Math.Sqrt(2), data[0]!["y"]![0]!.GetValue<double>(), 12);
        var layout = json["layout"]!;
        Assert.Equal("pretraining ends", (string?)layout["annotations"]![0]!["text"]);
        Assert.Equal(0.5, layout["shapes"]![0]!["x0"]!.GetValue<double>());
        Assert.Equal("epoch", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal("NLL", (string?)layout["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void BandsCanBeTurnedOff()
    {
        var data = Parse(Charts.TrainingCurves([Noisy("MLE", 9)], new CurveChartOptions { ShowBands = false }))["data"]!.AsArray();
        Assert.Equal("scatter", (string?)Assert.Single(data)!["type"]);
    }

    [Fact]
    public void CurvePanelPutsEachPanelOnItsSubplotWithOneLegendEntryPerName()
    {
        var panels = Enumerable.Range(1, 4).Select(k => new PanelCurves($"strategy {k}", [Noisy("pretraining", 10), Noisy("SeqGAN", k)])).ToList();
        var json = Parse(Charts.CurvePanel(panels, new CurvePanelOptions { Curves = new CurveChartOptions { YTitle = "NLL", MarkerX = 0.5 } }));
        var layout = json["layout"]!;
        Assert.Equal(2, layout["grid"]!["rows"]!.GetValue<int>());
        Assert.Equal(2, layout["grid"]!["columns"]!.GetValue<int>());
        var lines = json["data"]!.AsArray().Where(t => t!["fill"] is null).ToList();
        Assert.Equal(["x", "x", "x2", "x2", "x3", "x3", "x4", "x4"], lines.Select(t => (string)t!["xaxis"]!));
        // each name in the legend once, in one colour everywhere
        Assert.Equal(2, lines.Count(t => t!["showlegend"]!.GetValue<bool>()));
        Assert.Single(lines.Where(t => (string?)t!["name"] == "SeqGAN").Select(t => (string?)t!["line"]!["color"]).Distinct());
        // x titles on the bottom row, y titles on the left column, one shared y range
        Assert.Null(layout["xaxis"]!["title"]);
        Assert.Equal("epoch", (string?)layout["xaxis3"]!["title"]!["text"]);
        Assert.Equal("NLL", (string?)layout["yaxis3"]!["title"]!["text"]);
        Assert.Null(layout["yaxis2"]!["title"]);
        Assert.Equal(layout["yaxis"]!["range"]!.ToJsonString(), layout["yaxis4"]!["range"]!.ToJsonString());
        Assert.Equal(4, layout["shapes"]!.AsArray().Count);
        Assert.Equal(["y domain", "y2 domain", "y3 domain", "y4 domain"], layout["shapes"]!.AsArray().Select(s => (string)s!["yref"]!));
        Assert.Contains("strategy 3", layout["annotations"]!.AsArray().Select(a => (string?)a!["text"]));
    }

    [Fact]
    public void BarsWithErrorsShowValuesAndErrorBars()
    {
        var json = Parse(Charts.BarsWithErrors([new BarValue("MLE", 9.038, 0.02), new BarValue("SeqGAN", 8.736, 0.01)],
            new BarChartOptions { YMin = 8, YMax = 10, YTitle = "NLL" }));
        var trace = Assert.Single(json["data"]!.AsArray())!;
        Assert.Equal([0.02, 0.01], trace["error_y"]!["array"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("9.038 ± 0.020", (string?)trace["text"]![0]);
        Assert.Equal([8.0, 10.0], json["layout"]!["yaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("category", (string?)json["layout"]!["xaxis"]!["type"]);
    }

    [Fact]
    public void RewardHeatmapIsTokensByPositionsWithTheFirstRowOnTop()
    {
        double[][] rewards = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]];
        var json = Parse(Charts.RewardHeatmap(rewards, [17, 4], new HeatmapOptions { Title = "Q(s, a)" }));
        var trace = Assert.Single(json["data"]!.AsArray())!;
        Assert.Equal(["17", "4"], trace["y"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["1", "2", "3"], trace["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("reward", (string?)trace["colorbar"]!["title"]!["text"]);
        var yAxis = json["layout"]!["yaxis"]!;
        Assert.Equal("reversed", (string?)yAxis["autorange"]);
        Assert.Equal("category", (string?)yAxis["type"]);
        Assert.Equal("token", (string?)yAxis["title"]!["text"]);
        Assert.Equal("position", (string?)json["layout"]!["xaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void RewardHeatmapKeepsRepeatedTokensAsSeparateRows()
    {
        double[][] rewards = [[1, 2], [3, 4], [5, 6]];
        var json = Parse(Charts.RewardHeatmap(rewards, ["the", "cat", "the"]));
        var trace = json["data"]![0]!;
        Assert.Equal([0.0, 1, 2], trace["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        var yAxis = json["layout"]!["yaxis"]!;
        Assert.Equal(["the", "cat", "the"], yAxis["ticktext"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("array", (string?)yAxis["tickmode"]);
        Assert.Throws<ArgumentException>(() => Charts.RewardHeatmap(rewards, ["too", "few"]));
    }
}
