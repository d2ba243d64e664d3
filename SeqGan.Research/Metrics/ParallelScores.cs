using System.Collections.Concurrent;

namespace SeqGan.Research.Metrics;

/// <summary>Scores items independently on all cores. Each score lands in its own slot, so the result —
/// and any sum taken over it in index order — does not depend on scheduling.</summary>
internal static class ParallelScores
{
    public static double[] Compute(int count, Func<int, double> score)
    {
        var scores = new double[count];
        if (count == 0) return scores; // Partitioner.Create rejects an empty range
        // Ranges rather than single items: one sentence is a few microseconds, comparable to a delegate hop.
        Parallel.ForEach(Partitioner.Create(0, count), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++) scores[i] = score(i);
        });
        return scores;
    }

    /// <summary>Mean in index order with a plain running sum — the order Texygen adds its pool results in.</summary>
    public static double MeanInOrder(double[] scores)
    {
        var sum = 0.0;
        foreach (var score in scores) sum += score;
        return sum / scores.Length;
    }
}
