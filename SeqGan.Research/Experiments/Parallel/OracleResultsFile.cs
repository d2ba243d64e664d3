using System.Text.Json;
using SeqGan.Research.Storage;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments.Parallel;

/// <summary>
/// A reproduction's per-seed results as JSON (`results.json` beside its tables): what a worker process hands back, so
/// that the results of seeds run apart merge into the one table a single run of all seeds writes. Doubles round-trip
/// exactly through System.Text.Json.
/// </summary>
public static class OracleResultsFile
{
    public const string FileName = "results.json";

    private sealed record Contents(IReadOnlyList<MethodResult> Results, IReadOnlyList<CurvePoint> PretrainingCurves, string OracleSource);

    public static string Write(string directory, ReproductionResult result) =>
        Write(directory, result.Results, result.PretrainingCurves, result.OracleSource);

    public static string Write(string directory, IReadOnlyList<MethodResult> results, IReadOnlyList<CurvePoint> pretrainingCurves, string oracleSource)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new Contents(results, pretrainingCurves, oracleSource)));
        return path;
    }

    public static (IReadOnlyList<MethodResult> Results, IReadOnlyList<CurvePoint> PretrainingCurves, string OracleSource) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no results (did its worker process finish?)", path);
        Contents? contents;
        try
        {
            contents = JsonSerializer.Deserialize<Contents>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a results file ({e.Message})", e);
        }
        if (contents?.Results is null || contents.PretrainingCurves is null)
            throw new InvalidDataException($"{path}: not a results file (no results or pretraining curves)");
        return (contents.Results, contents.PretrainingCurves, contents.OracleSource);
    }

    /// <summary>The table and curves of several result files, seeds in the order given: the same as one run over them all.</summary>
    public static ReproductionResult Merge(IReadOnlyList<string> paths, OraclePreset preset, string outputDirectory)
    {
        var parts = paths.Select(Read).ToList();
        var results = parts.SelectMany(p => p.Results).ToList();
        var pretraining = parts.SelectMany(p => p.PretrainingCurves).ToList();
        var source = parts.Select(p => p.OracleSource).Distinct().ToList();
        if (source.Count != 1) throw new InvalidDataException($"the results to merge used different oracles: {string.Join(", ", source)}");
        return OracleExperiments.WriteTable1AndFigure2(results, pretraining, preset, source[0], outputDirectory);
    }
}
