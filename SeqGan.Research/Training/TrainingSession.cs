using System.Text.Json.Nodes;
using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>
/// Runs named phases of a training run step by step and checkpoints them: every registered module and
/// optimizer, the RNG state, the curve, the evaluations and the position (phase, step) are saved every
/// <c>checkpointEvery</c> steps and at the end of each phase. A session opened on an existing checkpoint
/// restores all of it and skips what is done, so a resumed run draws exactly the random numbers — and
/// reaches exactly the numbers — of an uninterrupted one (on CPU).
/// </summary>
public sealed class TrainingSession
{
    private readonly string? directory;
    private readonly Dictionary<string, IModule> modules = [];
    private readonly Dictionary<string, Adam> optimizers = [];
    private readonly HashSet<string> completedPhases = [];
    private string? resumePhase;
    private int resumeStep;
    private JsonObject? pendingRestore;
    private Dictionary<string, Tensor>? pendingTensors;

    public List<CurvePoint> Curve { get; } = [];

    /// <summary>Named scores the run keeps across a resume ("final", "untrained", …).</summary>
    public Dictionary<string, Evaluation> Evaluations { get; } = [];

    /// <param name="checkpointDirectory">null: no checkpoints (notebooks, tests)</param>
    /// <param name="resume">restore from the directory's checkpoint if there is one</param>
    public TrainingSession(string? checkpointDirectory, bool resume)
    {
        directory = checkpointDirectory;
        if (directory is null || !resume) return;
        if (Checkpoint.Load(directory) is { } saved)
        {
            pendingTensors = saved.Tensors;
            pendingRestore = saved.State;
        }
    }

    public bool IsResuming => pendingRestore is not null;

    public void Register(string name, IModule module) => modules[name] = module;

    public void Register(string name, Adam optimizer) => optimizers[name] = optimizer;

    /// <summary>Restores registered objects from the checkpoint found at construction (call after registering).</summary>
    public void Restore()
    {
        if (pendingRestore is null || pendingTensors is null) return;
        try
        {
            var source = directory!;
            if (pendingRestore["evaluations"] is null)
                throw new InvalidDataException($"{source}: a checkpoint of an older version of the kit (before the shared trainer); " +
                    "run without --resume, or into another output folder");
            foreach (var (name, module) in modules)
                module.LoadStateDict(Prefixed(pendingTensors, $"module.{name}."), $"{source} (module {name})");
            foreach (var (name, optimizer) in optimizers)
            {
                var steps = pendingRestore["optimizerSteps"]?[name]?.GetValue<long>()
                    ?? throw new InvalidDataException($"{source}: no step count for optimizer '{name}'");
                optimizer.LoadState(Prefixed(pendingTensors, $"optimizer.{name}."), steps, $"{source} (optimizer {name})");
            }
            foreach (var phase in pendingRestore["completedPhases"]!.AsArray()) completedPhases.Add(phase!.GetValue<string>());
            resumePhase = pendingRestore["phase"]?.GetValue<string>();
            resumeStep = pendingRestore["step"]?.GetValue<int>() ?? 0;
            foreach (var point in pendingRestore["curve"]!.AsArray())
                Curve.Add(new CurvePoint(point!["method"]!.GetValue<string>(), point["seed"]!.GetValue<int>(),
                    point["phase"]!.GetValue<string>(), point["epoch"]!.GetValue<int>(), point["metric"]!.GetValue<string>(), point["value"]!.GetValue<double>()));
            foreach (var (name, evaluation) in pendingRestore["evaluations"]!.AsObject())
                Evaluations[name] = new Evaluation(
                    evaluation!["metrics"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>()),
                    evaluation["samples"]!.AsArray().Select(text => text!.GetValue<string>()).ToList());
            Torch.SetCpuRngState(Convert.FromBase64String(pendingRestore["rng"]!.GetValue<string>()));
        }
        finally
        {
            foreach (var t in pendingTensors.Values) t.Dispose();
            pendingTensors = null;
            pendingRestore = null;
        }
    }

    public bool IsCompleted(string phase) => completedPhases.Contains(phase);

    /// <summary>Runs steps [resume point, <paramref name="steps"/>) of <paramref name="phase"/>, checkpointing as it goes.</summary>
    public void RunPhase(string phase, int steps, int checkpointEvery, Action<int> step, CancellationToken cancellation = default)
    {
        if (completedPhases.Contains(phase)) return;
        var start = resumePhase == phase ? resumeStep : 0;
        for (var s = start; s < steps; s++)
        {
            Interruption.ThrowIfRequested(cancellation);
            step(s);
            var done = s + 1 == steps;
            if (done) completedPhases.Add(phase);
            if (done || (s + 1) % checkpointEvery == 0) Save(phase, s + 1);
        }
        if (steps == 0)
        {
            completedPhases.Add(phase);
            Save(phase, 0);
        }
    }

    /// <summary>Marks a phase done without steps of its own (e.g. a one-off evaluation) and checkpoints.</summary>
    public void CompletePhase(string phase, Action work)
    {
        if (completedPhases.Contains(phase)) return;
        work();
        completedPhases.Add(phase);
        Save(phase, 1);
    }

    private void Save(string phase, int step)
    {
        if (directory is null) return;
        var tensors = new Dictionary<string, Tensor>();
        try
        {
            foreach (var (name, module) in modules)
                foreach (var (parameter, value) in module.StateDict())
                    tensors[$"module.{name}.{parameter}"] = value;
            var optimizerSteps = new JsonObject();
            foreach (var (name, optimizer) in optimizers)
            {
                var (moments, count) = optimizer.State();
                foreach (var (key, value) in moments) tensors[$"optimizer.{name}.{key}"] = value;
                optimizerSteps[name] = count;
            }
            var curve = new JsonArray(Curve.Select(p => (JsonNode)new JsonObject
            {
                ["method"] = p.Method, ["seed"] = p.Seed, ["phase"] = p.Phase, ["epoch"] = p.Epoch, ["metric"] = p.Metric, ["value"] = p.Value,
            }).ToArray());
            // JSON has no NaN: a metric a run could not compute is left out, and reads back as absent.
            var evaluations = new JsonObject(Evaluations.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
            {
                ["metrics"] = new JsonObject(kv.Value.Metrics.Where(m => double.IsFinite(m.Value)).Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
                ["samples"] = new JsonArray(kv.Value.Samples.Select(text => (JsonNode)text).ToArray()),
            })));
            var state = new JsonObject
            {
                ["phase"] = phase,
                ["step"] = step,
                ["completedPhases"] = new JsonArray(completedPhases.Order().Select(p => (JsonNode)p).ToArray()),
                ["optimizerSteps"] = optimizerSteps,
                ["curve"] = curve,
                ["evaluations"] = evaluations,
                ["rng"] = Convert.ToBase64String(Torch.GetCpuRngState()),
            };
            Checkpoint.Save(directory, tensors, state);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    private static Dictionary<string, Tensor> Prefixed(Dictionary<string, Tensor> tensors, string prefix) =>
        tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
}
