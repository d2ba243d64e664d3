using System.Text.Json.Nodes;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Training;

/// <summary>
/// A <see cref="TrainingSession"/>'s checkpointed state, read field by field: a missing field, a wrong type or a value
/// out of range is an error naming <c>state.json</c> and the field (never a NullReferenceException on resume). What
/// the values mean together (an emptied curve, a changed step) the checkpoint's digest guards.
/// </summary>
internal sealed record SavedSessionState(IReadOnlyList<string> CompletedPhases, string Phase, int Step, JsonObject OptimizerSteps,
    IReadOnlyList<CurvePoint> Curve, IReadOnlyDictionary<string, Evaluation> Evaluations, byte[] Rng, double Seconds)
{
    public static SavedSessionState Parse(JsonObject state, string file)
    {
        if (state["evaluations"] is null)
            throw new InvalidDataException($"{file}: a checkpoint of an older version of the kit (before the shared trainer, no \"evaluations\"); " +
                "run without --resume, or into another output folder");
        var phases = JsonFields.Array(state, "completedPhases", file);
        var completed = new List<string>();
        for (var i = 0; i < phases.Count; i++)
            completed.Add(phases[i] is JsonValue value && value.TryGetValue<string>(out var phase)
                ? phase
                : throw new InvalidDataException($"{file}: \"completedPhases\"[{i}] must be a string"));
        var optimizerSteps = JsonFields.Object(state, "optimizerSteps", file);
        foreach (var (name, _) in optimizerSteps) JsonFields.Long(optimizerSteps, name, $"{file} optimizerSteps", min: 0);
        var curveArray = JsonFields.Array(state, "curve", file);
        var curve = new List<CurvePoint>();
        for (var i = 0; i < curveArray.Count; i++)
        {
            var where = $"{file} curve[{i}]";
            var point = curveArray[i] as JsonObject ?? throw new InvalidDataException($"{where}: must be an object");
            curve.Add(new CurvePoint(JsonFields.String(point, "method", where), JsonFields.Int(point, "seed", where),
                JsonFields.String(point, "phase", where), JsonFields.Int(point, "epoch", where, min: 0),
                JsonFields.String(point, "metric", where), JsonFields.Double(point, "value", where)));
        }
        var evaluations = new Dictionary<string, Evaluation>();
        var evaluationsObject = JsonFields.Object(state, "evaluations", file);
        foreach (var (name, node) in evaluationsObject)
        {
            var where = $"{file} evaluations.{name}";
            var evaluation = node as JsonObject ?? throw new InvalidDataException($"{where}: must be an object");
            var metricsObject = JsonFields.Object(evaluation, "metrics", where);
            var metrics = new Dictionary<string, double>();
            foreach (var (metric, _) in metricsObject) metrics[metric] = JsonFields.Double(metricsObject, metric, $"{where}.metrics");
            var samplesArray = JsonFields.Array(evaluation, "samples", where);
            var samples = new List<string>();
            for (var i = 0; i < samplesArray.Count; i++)
                samples.Add(samplesArray[i] is JsonValue value && value.TryGetValue<string>(out var text)
                    ? text
                    : throw new InvalidDataException($"{where}: \"samples\"[{i}] must be a string"));
            evaluations[name] = new Evaluation(metrics, samples);
        }
        byte[] rng;
        try
        {
            rng = Convert.FromBase64String(JsonFields.String(state, "rng", file));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{file}: \"rng\" must be base64 (a random generator state), {e.Message}", e);
        }
        return new SavedSessionState(completed, JsonFields.String(state, "phase", file), JsonFields.Int(state, "step", file, min: 0),
            optimizerSteps, curve, evaluations, rng,
            state["seconds"] is null ? 0 : JsonFields.Double(state, "seconds", file, min: 0));
    }
}
