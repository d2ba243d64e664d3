using System.Text.Json;
using System.Text.Json.Nodes;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Data.Corpora;

/// <summary>
/// A deterministic train/test split of a corpus: its groups (lines, or tunes) are shuffled by a SplitMix64
/// Fisher–Yates shuffle seeded with <see cref="Seed"/> and the first ⌈fraction·groups⌉ go to the test side.
/// The same corpus, fraction and seed give the same split on every machine and .NET version. Both sides list
/// their sequences in shuffled group order.
/// </summary>
public sealed record CorpusSplit(TokenCorpus Corpus, int Seed, double TestFraction, int[] TrainIndices, int[] TestIndices)
{
    public IReadOnlyList<int[]> Train => TrainIndices.Select(i => Corpus.Sequences[i]).ToList();
    public IReadOnlyList<int[]> Test => TestIndices.Select(i => Corpus.Sequences[i]).ToList();

    public static CorpusSplit Create(TokenCorpus corpus, double testFraction, int seed)
    {
        if (testFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "must lie strictly between 0 and 1");
        var groups = corpus.Groups.Distinct().Order().ToArray();
        if (groups.Length < 2) throw new InvalidDataException($"{corpus.SourceFile}: {groups.Length} source group(s) cannot be split into train and test");
        var rng = new SplitMix64((ulong)seed);
        for (var i = groups.Length - 1; i > 0; i--)
        {
            var j = (int)(rng.Next() % (ulong)(i + 1));
            (groups[i], groups[j]) = (groups[j], groups[i]);
        }
        var testCount = Math.Clamp((int)Math.Ceiling(testFraction * groups.Length), 1, groups.Length - 1);
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < corpus.Sequences.Count; i++)
        {
            if (!members.TryGetValue(corpus.Groups[i], out var list)) members[corpus.Groups[i]] = list = [];
            list.Add(i);
        }
        // Both sides keep the shuffled group order, so the first N of either side is a random subset of it.
        var test = groups.Take(testCount).SelectMany(g => members[g]).ToArray();
        var train = groups.Skip(testCount).SelectMany(g => members[g]).ToArray();
        return new CorpusSplit(corpus, seed, testFraction, train, test);
    }

    /// <summary>Writes the split (sequence indices of each side), the vocabulary, and both sides as id files into <paramref name="directory"/>.</summary>
    public IReadOnlyList<string> Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var splitPath = Path.Combine(directory, "split.json");
        var json = new JsonObject
        {
            ["corpus"] = Corpus.Name,
            // The file name, not its path: the split of the same corpus is the same file on every machine.
            ["source"] = Path.GetFileName(Corpus.SourceFile),
            ["preparation"] = Corpus.Preparation,
            ["seed"] = Seed,
            ["testFraction"] = TestFraction,
            ["train"] = new JsonArray(TrainIndices.Select(i => (JsonNode)i).ToArray()),
            ["test"] = new JsonArray(TestIndices.Select(i => (JsonNode)i).ToArray()),
        };
        AtomicFile.WriteAllText(splitPath, json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        var vocabularyPath = Path.Combine(directory, "vocabulary.json");
        Corpus.Vocabulary.Save(vocabularyPath);
        var trainPath = Path.Combine(directory, "train.txt");
        var testPath = Path.Combine(directory, "test.txt");
        AtomicFile.WriteAllText(trainPath, string.Concat(Train.Select(s => string.Join(' ', s) + "\n")));
        AtomicFile.WriteAllText(testPath, string.Concat(Test.Select(s => string.Join(' ', s) + "\n")));
        return [splitPath, vocabularyPath, trainPath, testPath];
    }
}

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): a tiny generator whose output is fixed by its definition.</summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
