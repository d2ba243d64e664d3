using System.Text.Json.Nodes;
using SeqGan.Research.Experiments;
using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Storage;

/// <summary>
/// Runs resume only what they started: the checkpoint folder records the run's fingerprint, a resume under other
/// settings is refused naming what changed, checkpoints are never discarded without --force, a damaged checkpoint is
/// refused naming its file and field, a step that leaves NaN in a module stops the run naming phase and step, and
/// timings stay out of the result tables (two identical runs write identical tables) while counting every resumed part.
/// </summary>
public sealed class RunResumeSafetyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("seqgan-resume-safety-").FullName;

    private static RunFingerprint Fingerprint(int rollouts) =>
        RunFingerprint.OfKit("table1").AddProperties("preset", OraclePreset.Smoke with { Rollouts = rollouts });

    private string Root => Path.Combine(folder, "checkpoints");

    private void PlantCheckpoint() => File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "seed1", "pretrain")).FullName, "state.json"), "{}");

    [Fact]
    public void A_resume_under_other_settings_is_refused_naming_what_changed()
    {
        RunManifest.Claim(Root, Fingerprint(rollouts: 4), resume: false, force: false);
        PlantCheckpoint();

        RunManifest.Claim(Root, Fingerprint(rollouts: 4), resume: true, force: false);
        var refused = Assert.Throws<InvalidDataException>(() => RunManifest.Claim(Root, Fingerprint(rollouts: 8), resume: true, force: false));

        Assert.Contains("--resume refused", refused.Message);
        Assert.Contains("preset.Rollouts: 4 then, 8 now", refused.Message);
        Assert.DoesNotContain("preset.BatchSize", refused.Message);
    }

    [Fact]
    public void Nested_settings_are_fingerprinted_item_by_item()
    {
        var preset = OraclePreset.Smoke;
        var template = ((Models.CnnDiscriminatorFactory)preset.Discriminator).Template;
        var narrower = preset with { Discriminator = new Models.CnnDiscriminatorFactory(template with { FilterWidths = [1, 2] }) };

        var changes = RunFingerprint.OfKit("table1").AddProperties("preset", narrower).ChangesSince(RunFingerprint.OfKit("table1").AddProperties("preset", preset));

        Assert.Contains("FilterWidths = [1, 2]", Assert.Single(changes));
        Assert.StartsWith("preset.Discriminator: ", changes[0]);
    }

    [Fact]
    public void Checkpoints_are_never_discarded_without_resume_or_force()
    {
        RunManifest.Claim(Root, Fingerprint(rollouts: 4), resume: false, force: false);
        PlantCheckpoint();

        var refused = Assert.Throws<IOException>(() => RunManifest.Claim(Root, Fingerprint(rollouts: 4), resume: false, force: false));
        Assert.Contains("add --resume to continue it, or --force to start over", refused.Message);
        Assert.True(File.Exists(Path.Combine(Root, "seed1", "pretrain", "state.json")));

        RunManifest.Claim(Root, Fingerprint(rollouts: 8), resume: false, force: true);
        Assert.False(Directory.Exists(Path.Combine(Root, "seed1")));
        Assert.Contains("\"preset.Rollouts\": \"8\"", File.ReadAllText(Path.Combine(Root, RunManifest.FileName)));
    }

    [Fact]
    public void Checkpoints_without_a_fingerprint_are_not_resumed_blindly()
    {
        PlantCheckpoint();
        var refused = Assert.Throws<InvalidDataException>(() => RunManifest.Claim(Root, Fingerprint(rollouts: 4), resume: true, force: false));
        Assert.Contains($"without a {RunManifest.FileName}", refused.Message);
    }

    /// <summary>A session of one linear module and its optimizer, 3 steps, checkpointed after each.</summary>
    private string SavedSession()
    {
        var directory = Path.Combine(folder, "session");
        using var scope = Torch.NewDisposeScope();
        using var model = new Linear(3, 2);
        var optimizer = new Adam(model.Parameters(), 0.01);
        var session = new TrainingSession(directory, resume: false);
        session.Register("model", model);
        session.Register("adam", optimizer);
        session.Curve.Add(new CurvePoint("MLE", 1, "train", 0, "NLL-oracle", 5.0));
        session.RunPhase("train", 3, 1, _ => { });
        return directory;
    }

    private static TrainingSession Resume(string directory)
    {
        using var model = new Linear(3, 2);
        var session = new TrainingSession(directory, resume: true);
        session.Register("model", model);
        session.Register("adam", new Adam(model.Parameters(), 0.01));
        session.Restore();
        return session;
    }

    public static TheoryData<string, string> DamagedStates => new()
    {
        { """{"remove": "curve"}""", "\"curve\" is missing" },
        { """{"set": "step", "to": -3}""", "\"step\" must be an integer in 0.., found -3" },
        { """{"set": "rng", "to": 42}""", "\"rng\" must be a string, found 42" },
        { """{"set": "curve", "to": [{"method": "MLE", "seed": 1, "phase": "train", "epoch": 0, "metric": "NLL-oracle"}]}""", "curve[0]: \"value\" is missing" },
        { """{"set": "curve", "to": [{"method": "MLE", "seed": 1, "phase": "train", "epoch": -1, "metric": "NLL-oracle", "value": 5}]}""", "curve[0]: \"epoch\" must be an integer in 0.., found -1" },
        { """{"remove": "evaluations"}""", "no \"evaluations\"" },
        { """{"set": "evaluations", "to": {"final": {"metrics": {"BLEU-2": "high"}, "samples": []}}}""", "evaluations.final.metrics: \"BLEU-2\" must be a finite number" },
        { """{"set": "optimizerSteps", "to": {"adam": "three"}}""", "optimizerSteps: \"adam\" must be an integer, found \"three\"" },
        { """{"set": "completedPhases", "to": [1]}""", "\"completedPhases\"[0] must be a string" },
        // Well-formed, but not what was written: the digest refuses it.
        { """{"set": "curve", "to": []}""", "changed after the checkpoint was written" },
        { """{"set": "step", "to": 1}""", "changed after the checkpoint was written" },
        { """{"document": "tensors", "to": "../../elsewhere.safetensors"}""", "\"tensors\" must name a tensors-N.safetensors file of this folder" },
        { """{"document": "digest", "to": null}""", "no \"digest\"" },
    };

    [Theory]
    [MemberData(nameof(DamagedStates))]
    public void A_damaged_checkpoint_is_refused_naming_its_file_and_field(string damage, string expected)
    {
        var directory = SavedSession();
        var statePath = Checkpoint.StatePath(directory);
        var document = JsonNode.Parse(File.ReadAllText(statePath))!.AsObject();
        var edit = JsonNode.Parse(damage)!.AsObject();
        var state = document["state"]!.AsObject();
        if (edit["remove"] is { } removed) state.Remove(removed.GetValue<string>());
        if (edit["set"] is { } set) state[set.GetValue<string>()] = edit["to"]?.DeepClone();
        if (edit["document"] is { } field)
        {
            if (edit["to"] is null) document.Remove(field.GetValue<string>());
            else document[field.GetValue<string>()] = edit["to"]!.DeepClone();
        }
        File.WriteAllText(statePath, document.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => Resume(directory));

        Assert.Contains(statePath, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_intact_checkpoint_resumes_with_its_curve_and_counts_the_time_of_every_part()
    {
        var directory = SavedSession();
        var firstPart = JsonNode.Parse(File.ReadAllText(Checkpoint.StatePath(directory)))!["state"]!["seconds"]!.GetValue<double>();

        var session = Resume(directory);

        Assert.Equal(5.0, Assert.Single(session.Curve).Value);
        Assert.True(session.IsCompleted("train"));
        Assert.True(session.TrainingSeconds >= firstPart, $"{session.TrainingSeconds} s after resuming, {firstPart} s saved before");
    }

    [Fact]
    public void A_step_that_leaves_nan_in_a_module_stops_the_run_naming_phase_and_step()
    {
        var directory = Path.Combine(folder, "diverging");
        using var scope = Torch.NewDisposeScope();
        using var model = new Linear(3, 2);
        var session = new TrainingSession(directory, resume: false);
        session.Register("generator", model);

        var error = Assert.Throws<TrainingDivergedException>(() => session.RunPhase("adversarial", 5, 1, step =>
        {
            if (step == 2) using (Torch.NoGrad()) model.Weight.FillInPlace(double.NaN);
        }));

        Assert.Contains("phase 'adversarial' at step 3", error.Message);
        Assert.Contains("generator.W holds NaN or infinite values", error.Message);
        // The last checkpoint is from before the bad step.
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(Checkpoint.StatePath(directory)))!["state"]!["step"]!.GetValue<int>());
    }

    [Fact]
    public void Two_identical_runs_write_identical_tables_and_their_timings_apart()
    {
        string[] Run(string output)
        {
            using var scope = Torch.NewDisposeScope();
            OracleExperiments.Table1AndFigure2(OraclePreset.Smoke, [1], new RunOptions { CheckpointDirectory = Path.Combine(output, "checkpoints") },
                output, methods: [OraclePreset.Smoke.Table1Method("Random"), OraclePreset.Smoke.Table1Method("MLE")]);
            return new[] { "table1.md", "table1.csv", "figure2-curves.csv" }.Select(f => File.ReadAllText(Path.Combine(output, f))).ToArray();
        }

        var first = Run(Path.Combine(folder, "first"));
        var second = Run(Path.Combine(folder, "second"));

        Assert.Equal(first, second);
        Assert.DoesNotContain("wall", first[1]);
        var timings = File.ReadAllLines(Path.Combine(folder, "first", TimingsCsv.FileName));
        Assert.Equal("method,seed,training_seconds", timings[0]);
        Assert.Equal(["Random", "MLE"], timings.Skip(1).Select(l => l.Split(',')[0]));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
