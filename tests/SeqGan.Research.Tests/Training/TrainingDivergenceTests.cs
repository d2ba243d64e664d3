using System.Text.Json.Nodes;
using SeqGan.Research.Experiments;
using SeqGan.Research.Storage;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Training;

/// <summary>
/// A run whose numbers stop being numbers stops, naming the phase and the step, instead of training on NaN and
/// reporting it as a result: here an infinite learning rate turns the generator's weights into NaN/∞ in the first MLE
/// pretraining epoch of the trainer (smoke size, a second or two).
/// </summary>
public sealed class TrainingDivergenceTests : IDisposable
{
    private readonly TemporaryFolder folder = new("seqgan-divergence-");

    [Fact]
    public void An_infinite_learning_rate_stops_pretraining_at_its_first_step_and_keeps_the_checkpoint_before_it()
    {
        var preset = OraclePreset.Smoke with { GeneratorLearningRate = double.PositiveInfinity };
        using var run = new OracleRun(preset, new RunOptions { CheckpointDirectory = folder.Path });

        var error = Assert.Throws<TrainingDivergedException>(() => run.PretrainingCurve);

        // The epoch's loss is NaN (the weights went after the first batch): the trainer names it before the session's
        // check of the weights after the step would.
        Assert.StartsWith("training diverged in phase 'mle-pretrain' of MLE pretraining at step 1: the loss is NaN", error.Message);
        // The checkpoint on disk is the one before the bad step (the untrained generator's evaluation), never a NaN one.
        var state = JsonNode.Parse(File.ReadAllText(Checkpoint.StatePath(Path.Combine(folder.Path, "seed1", "pretrain"))))!["state"]!;
        Assert.Equal("untrained", state["phase"]!.GetValue<string>());
    }

    public void Dispose() => folder.Dispose();
}
