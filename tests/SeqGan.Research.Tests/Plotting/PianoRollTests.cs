using System.Text.Json.Nodes;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Tests.Plotting;

public class PianoRollTests
{
    [Fact]
    public void EachTuneIsAKeyByTimeGridOverTheSharedPitchRange()
    {
        var figure = Charts.PianoRoll([new PianoRollTune("real", [40, 42, 42]), new PianoRollTune("generated", [44, 40, 41])],
            new PianoRollOptions { Columns = 2 });
        var json = JsonNode.Parse(figure.ToJson())!;
        var traces = json["data"]!.AsArray();
        Assert.Equal(2, traces.Count);
        var first = traces[0]!;
        // Keys 40..44 are rows; the first tune sounds key 40 at t = 0 and key 42 at t = 0.4 and 0.8.
        Assert.Equal([40.0, 41.0, 42.0, 43.0, 44.0], first["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(["0.0", "0.4", "0.8"], first["x"]!.AsArray().Select(v => (string)v!));
        var z = first["z"]!.AsArray().Select(row => row!.AsArray().Select(v => v!.GetValue<double>()).ToArray()).ToArray();
        Assert.Equal([1.0, 0.0, 0.0], z[0]);
        Assert.Equal([0.0, 1.0, 1.0], z[2]);
        Assert.Equal("y2", (string?)traces[1]!["yaxis"]);
    }

    [Fact]
    public void PitchesOutsideThePianoAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Charts.PianoRoll([new PianoRollTune("bad", [0, 40])]));
        Assert.Throws<ArgumentException>(() => Charts.PianoRoll([]));
    }
}
