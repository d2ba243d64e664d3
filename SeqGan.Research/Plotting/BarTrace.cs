using System.Text.Json.Nodes;

namespace SeqGan.Research.Plotting;

/// <summary>Vertical bars over categories, with optional symmetric error bars (plotly's <c>error_y</c>).</summary>
public sealed record BarTrace(IReadOnlyList<string> X, IReadOnlyList<double> Y) : Trace
{
    public override string PlotlyType => "bar";

    /// <summary>Half-length of each bar's error bar (a standard deviation, say).</summary>
    public IReadOnlyList<double>? ErrorY { get; init; }

    /// <summary>One colour for all bars; <see cref="Colors"/> wins when both are set.</summary>
    public string? Color { get; init; }

    /// <summary>A colour per bar.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    /// <summary>A label per bar, shown on the bar.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    protected override void WriteData(JsonObject json)
    {
        PlotlyJson.CheckSameLength(X.Count, Y.Count, $"bar trace '{Name}' y");
        json["x"] = PlotlyJson.Strings(X);
        json["y"] = PlotlyJson.Numbers(Y);
        if (ErrorY is not null)
        {
            PlotlyJson.CheckSameLength(X.Count, ErrorY.Count, $"bar trace '{Name}' error_y");
            json["error_y"] = new JsonObject { ["type"] = "data", ["array"] = PlotlyJson.Numbers(ErrorY), ["visible"] = true };
        }
        if (Colors is not null)
        {
            PlotlyJson.CheckSameLength(X.Count, Colors.Count, $"bar trace '{Name}' colours");
            json["marker"] = new JsonObject { ["color"] = PlotlyJson.Strings(Colors) };
        }
        else if (Color is not null) json["marker"] = new JsonObject { ["color"] = Color };
        if (Text is not null)
        {
            PlotlyJson.CheckSameLength(X.Count, Text.Count, $"bar trace '{Name}' text");
            json["text"] = PlotlyJson.Strings(Text);
        }
    }
}
