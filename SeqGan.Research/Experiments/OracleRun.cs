using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>Outcome of one method on one seed: its final NLL-oracle (the last point of its curve) and NLL-test.</summary>
public sealed record MethodResult(string Method, int Seed, double NllOracle, double NllTest, IReadOnlyList<CurvePoint> Curve, double WallSeconds);

/// <summary>
/// One seed of the synthetic experiment: the oracle world and <see cref="SeqGanTrainer"/> over it (MLE pretraining once,
/// checkpointed), each method then run from that same pretrained generator in its own checkpointed session.
/// </summary>
public sealed class OracleRun : IDisposable
{
    private readonly SeqGanTrainer trainer;

    public OracleRun(OraclePreset preset, RunOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        preset.Validate();
        World = OracleWorld.Create(preset, options.Seed, options.Device);
        trainer = new SeqGanTrainer(preset, World.Training, World.Shape, options, new OracleEvaluator(World, preset.EvaluationSamples), progress, cancellation);
        Seed = options.Seed;
    }

    public OracleWorld World { get; }

    public int Seed { get; }

    /// <summary>The pretraining curve (the generator's NLL-oracle from epoch 0 to the end of MLE pretraining).</summary>
    public IReadOnlyList<CurvePoint> PretrainingCurve
    {
        get
        {
            trainer.Pretrain();
            return trainer.PretrainingCurve;
        }
    }

    /// <summary>Runs <paramref name="method"/> (a row of <see cref="OraclePreset.Table1Methods"/>, or any other) on this seed.</summary>
    /// <remarks>
    /// <paramref name="trained"/>, when given, sees the trained generator (for Random the untrained one, for a pretrained
    /// row the pretrained one) before it is disposed: what the frontier sweeps the temperature of.</remarks>
    public MethodResult Run(TrainingMethod method, Action<ISequencePolicy>? trained = null)
    {
        var result = trainer.Run(method, trained: trained);
        var nllOracle = result.Curve.Last(p => p.Metric == OracleMetrics.NllOracleName).Value;
        return new MethodResult(result.Label, result.Seed, nllOracle, result.Evaluation[OracleMetrics.NllTestName], result.Curve, result.WallSeconds);
    }

    public void Dispose()
    {
        trainer.Dispose();
        World.Dispose();
    }
}
