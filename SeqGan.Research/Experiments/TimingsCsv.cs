using System.Globalization;
using System.Text;

namespace SeqGan.Research.Experiments;

/// <summary>
/// <c>timings.csv</c>: the training time of every (method, seed), kept apart from the result tables — the same run
/// gives the same results, byte for byte, but never the same timings. A resumed run's time counts every part
/// (it is saved with the checkpoints).
/// </summary>
public static class TimingsCsv
{
    public const string FileName = "timings.csv";

    public static string Write(IEnumerable<(string Method, int Seed, double Seconds)> timings)
    {
        var text = new StringBuilder("method,seed,training_seconds\n");
        foreach (var (method, seed, seconds) in timings)
            text.AppendLine(string.Join(',', method, seed.ToString(CultureInfo.InvariantCulture), seconds.ToString("F1", CultureInfo.InvariantCulture)));
        return text.ToString();
    }
}
