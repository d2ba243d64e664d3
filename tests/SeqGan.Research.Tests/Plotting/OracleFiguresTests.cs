using System.Text.Json.Nodes;
using SeqGan.Research.Experiments;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>The experiments' records turned into the paper's figures.</summary>
public class OracleFiguresTests
{
    /// <summary>Two seeds: pretraining 0..4, then MLE and SeqGAN from epoch 4; Random repeats the epoch-0 point.</summary>
    private static List<CurvePoint> Curves()
    {
        var points = new List<CurvePoint>();
        foreach (var seed in new[] { 1, 2 })
        {
            foreach (var epoch in new[] { 0, 2, 4 }) points.Add(new("MLE pretraining", seed, "pretrain", epoch, "NLL-oracle", 10 - epoch * 0.2 + seed * 0.01));
            points.Add(new("MLE pretraining", seed, "pretrain", 0, "NLL-oracle", 10 + seed * 0.01)); // Random's copy
            foreach (var epoch in new[] { 4, 6 }) points.Add(new("MLE", seed, "mle", epoch, "NLL-oracle", 9.2 - (epoch - 4) * 0.01 * seed));
            foreach (var epoch in new[] { 4, 6 }) points.Add(new("SeqGAN", seed, "seqgan", epoch, "NLL-oracle", 9.2 - (epoch - 4) * 0.1));
        }
        return points;
    }

    [Fact]
    public void Figure2HasOneCurvePerMethodMeanOverSeedsAndTheMarker()
    {
        var json = JsonNode.Parse(OracleFigures.Figure2(Curves(), pretrainEpochs: 4).ToJson())!;
        var lines = json["data"]!.AsArray().Where(t => t!["fill"] is null).ToList();
        Assert.Equal(["MLE pretraining", "MLE", "SeqGAN"], lines.Select(t => (string)t!["name"]!));
        Assert.Equal([0.0, 2, 4], lines[0]!["x"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(10.015, lines[0]!["y"]![0]!.GetValue<double>(), 12);
        // the MLE seeds differ at epoch 6: a band; SeqGAN's seeds agree: a zero-width band is still drawn
        var bands = json["data"]!.AsArray().Where(t => (string?)t!["fill"] == "toself").Select(t => (string)t!["legendgroup"]!).ToList();
        Assert.Equal(["MLE pretraining", "MLE", "SeqGAN"], bands);
        var layout = json["layout"]!;
        Assert.Equal(4.0, layout["shapes"]![0]!["x0"]!.GetValue<double>());
        Assert.Equal("pretraining ends", (string?)layout["annotations"]![0]!["text"]);
        Assert.Equal(OracleFigures.NllAxisTitle, (string?)layout["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void Figure2CountsRandomsRepeatedStartPointOnce()
    {
        var pretraining = OracleFigures.SeriesByMethod(Curves())[0];
        Assert.Equal(Math.Sqrt(0.00005), pretraining.Points[0].Spread!.Value, 9); // sd of {10.01, 10.02}
    }

    [Fact]
    public void Figure3PanelsOneStrategyEachWithThePretrainingCurve()
    {
        var strategies = new[] { "g-steps=100, d-steps=1, k=10", "g-steps=30, d-steps=1, k=30", "g-steps=1, d-steps=1, k=10", "g-steps=1, d-steps=5, k=3" };
        var points = new List<CurvePoint>();
        foreach (var seed in new[] { 1, 2 })
        {
            points.Add(new("MLE pretraining", seed, "pretrain", 0, "NLL-oracle", 10));
            points.Add(new("MLE pretraining", seed, "pretrain", 4, "NLL-oracle", 9.2));
            for (var s = 0; s < 4; s++)
                foreach (var epoch in new[] { 4, 6 }) points.Add(new($"SeqGAN ({strategies[s]})", seed, "seqgan", epoch, "NLL-oracle", 9.2 - s * 0.1 * (epoch - 4)));
        }
        var json = JsonNode.Parse(OracleFigures.Figure3(points, 4).ToJson())!;
        var layout = json["layout"]!;
        Assert.Equal(2, layout["grid"]!["rows"]!.GetValue<int>());
        var titles = layout["annotations"]!.AsArray().Select(a => (string)a!["text"]!).ToList();
        Assert.All(strategies, s => Assert.Contains(s, titles));
        var lines = json["data"]!.AsArray().Where(t => t!["fill"] is null).ToList();
        Assert.Equal(8, lines.Count);
        Assert.Equal(["MLE pretraining", "SeqGAN"], lines.Select(t => (string)t!["name"]!).Distinct());
        Assert.Equal(["y", "y2", "y3", "y4"], lines.Select(t => (string)t!["yaxis"]!).Distinct());
        Assert.Equal(4, layout["shapes"]!.AsArray().Count);
    }

    [Fact]
    public void Table1BarsHaveMeansStandardDeviationsAndAZoomedAxis()
    {
        var table = new Table1([new("MLE", 9.04, 0.02, 3, 0.01, 9, 1), new("SeqGAN", 8.74, 0.01, 3, null, 9, 1)], "smoke", "random oracle");
        var json = JsonNode.Parse(OracleFigures.Table1Bars(table).ToJson())!;
        var trace = json["data"]![0]!;
        Assert.Equal("bar", (string?)trace["type"]);
        Assert.Equal(["MLE", "SeqGAN"], trace["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([9.04, 8.74], trace["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal([0.02, 0.01], trace["error_y"]!["array"]!.AsArray().Select(v => v!.GetValue<double>()));
        var range = json["layout"]!["yaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.True(range[0] > 8 && range[0] < 8.73 && range[1] > 9.06, string.Join(", ", range));
        Assert.Contains("smoke", (string?)json["layout"]!["title"]!["text"]);
    }
}
