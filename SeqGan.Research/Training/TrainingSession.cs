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
/// reaches exactly the numbers — of an uninterrupted one (on CPU). Every field of a checkpoint's state is checked
/// on restore (its file and field named when wrong); a step after which a registered module holds a NaN or an
/// infinity stops the run (<see cref="TrainingDivergedException"/>) before it is checkpointed; the training time is
/// counted over every part of a resumed run.
/// </summary>
public sealed class TrainingSession
{
    private readonly string? directory;
    private readonly Dictionary<string, IModule> modules = [];
    private readonly Dictionary<string, Adam> optimizers = [];
    private readonly HashSet<string> completedPhases = [];
    private string? resumePhase;
    private int resumeStep;
    private SavedSessionState? pendingRestore;
    private Dictionary<string, Tensor>? pendingTensors;
    private double secondsBefore;
    private readonly System.Diagnostics.Stopwatch clock = new();

    public List<CurvePoint> Curve { get; } = [];

    /// <summary>Named scores the run keeps across a resume ("final", "untrained", …).</summary>
    public Dictionary<string, Evaluation> Evaluations { get; } = [];

    /// <summary>Seconds spent in this session's phases, over every part of a resumed run (kept apart from the
    /// results: the same run gives the same results, never the same timings).</summary>
    public double TrainingSeconds => secondsBefore + clock.Elapsed.TotalSeconds;

    /// <param name="checkpointDirectory">null: no checkpoints (notebooks, tests)</param>
    /// <param name="resume">restore from the directory's checkpoint if there is one</param>
    public TrainingSession(string? checkpointDirectory, bool resume)
    {
        directory = checkpointDirectory;
        if (directory is null || !resume) return;
        SavedSessionState? parsed = null;
        if (Checkpoint.Load(directory, (state, file) => parsed = SavedSessionState.Parse(state, file)) is { } saved)
        {
            pendingTensors = saved.Tensors;
            pendingRestore = parsed;
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
            var file = Checkpoint.StatePath(source);
            var state = pendingRestore;
            foreach (var (name, module) in modules)
                module.LoadStateDict(Prefixed(pendingTensors, $"module.{name}."), $"{source} (module {name})");
            foreach (var (name, optimizer) in optimizers)
                optimizer.LoadState(Prefixed(pendingTensors, $"optimizer.{name}."), JsonFields.Long(state.OptimizerSteps, name, $"{file} optimizerSteps", min: 0),
                    $"{source} (optimizer {name})");
            foreach (var phase in state.CompletedPhases) completedPhases.Add(phase);
            resumePhase = state.Phase;
            resumeStep = state.Step;
            Curve.AddRange(state.Curve);
            foreach (var (name, evaluation) in state.Evaluations) Evaluations[name] = evaluation;
            try
            {
                Torch.SetCpuRngState(state.Rng);
            }
            catch (TorchException e)
            {
                throw new InvalidDataException($"{file}: \"rng\" is not a random generator state of this libtorch: {e.Message}", e);
            }
            secondsBefore = state.Seconds;
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
        if (start > steps && directory is not null)
            throw new InvalidDataException($"{Checkpoint.StatePath(directory)}: \"step\" is {start}, beyond the {steps} steps of phase '{phase}'");
        using var timing = Time();
        for (var s = start; s < steps; s++)
        {
            Interruption.ThrowIfRequested(cancellation);
            step(s);
            ThrowIfDiverged(phase, s + 1);
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
        using (Time()) work();
        ThrowIfDiverged(phase, 1);
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
                ["seconds"] = TrainingSeconds,
            };
            Checkpoint.Save(directory, tensors, state);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>Stops the run when a step left a registered module with a NaN or an infinity (a loss or gradient that
    /// was not a number): nothing after it would mean anything, and the last checkpoint, from before, stays valid.</summary>
    private void ThrowIfDiverged(string phase, int step)
    {
        foreach (var (name, module) in modules)
            if (module.FirstNonFiniteParameter() is { } parameter)
                throw new TrainingDivergedException(
                    $"training diverged in phase '{phase}' at step {step}: {name}.{parameter} holds NaN or infinite values (a loss or gradient that is not a number); "
                    + "the last checkpoint, from before, is kept");
    }

    private TimingScope Time() => new(clock);

    /// <summary>Counts the wall time of a phase (nested phases count once).</summary>
    private readonly struct TimingScope : IDisposable
    {
        private readonly System.Diagnostics.Stopwatch clock;
        private readonly bool started;

        public TimingScope(System.Diagnostics.Stopwatch clock)
        {
            this.clock = clock;
            started = !clock.IsRunning;
            if (started) clock.Start();
        }

        public void Dispose()
        {
            if (started) clock.Stop();
        }
    }

    private static Dictionary<string, Tensor> Prefixed(Dictionary<string, Tensor> tensors, string prefix) =>
        tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
}
