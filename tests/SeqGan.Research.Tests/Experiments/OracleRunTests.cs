using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Experiments;

public class OracleRunTests
{
    [Fact]
    public void SmokeRunOfAlgorithmOneCompletesWithFiniteNumbers()
    {
        using var scope = Torch.NewDisposeScope();
        using var run = new OracleRun(OraclePreset.Smoke, new OracleRunOptions { Seed = 1 });
        var seqgan = run.Run(OracleMethod.SeqGan);
        var random = run.Run(OracleMethod.Random);
        Assert.True(double.IsFinite(seqgan.NllOracle) && double.IsFinite(seqgan.NllTest));
        // curve: pretrained start point + an evaluation every 2 of 4 iterations
        Assert.Equal([4, 6, 8], seqgan.Curve.Select(p => p.Epoch).ToArray());
        Assert.Equal(OraclePreset.Smoke.PretrainEpochs, run.PretrainingCurve[^1].Epoch);
        Assert.NotEqual(random.NllOracle, seqgan.NllOracle);
    }

    [Fact]
    public void ResumedRunEqualsUninterruptedRun()
    {
        using var scope = Torch.NewDisposeScope();
        var root = Directory.CreateTempSubdirectory("seqgan-resume-").FullName;
        try
        {
            MethodResult uninterrupted;
            using (var run = new OracleRun(OraclePreset.Smoke, new OracleRunOptions { Seed = 2 }))
                uninterrupted = run.Run(OracleMethod.SeqGan);

            // Interrupt after a few adversarial progress reports, then resume from the checkpoints.
            using (var cancel = new CancellationTokenSource())
            {
                var reports = 0;
                var progress = new SynchronousProgress<TrainingProgress>(p =>
                {
                    if (p.Phase == "seqgan" && ++reports == 2) cancel.Cancel();
                });
                using var run = new OracleRun(OraclePreset.Smoke, new OracleRunOptions { Seed = 2, CheckpointDirectory = root }, progress, cancel.Token);
                Assert.Throws<OperationCanceledException>(() => run.Run(OracleMethod.SeqGan));
            }
            MethodResult resumed;
            using (var run = new OracleRun(OraclePreset.Smoke, new OracleRunOptions { Seed = 2, CheckpointDirectory = root, Resume = true }))
                resumed = run.Run(OracleMethod.SeqGan);

            Assert.Equal(uninterrupted.Curve.Select(p => p.NllOracle), resumed.Curve.Select(p => p.NllOracle));
            Assert.Equal(uninterrupted.NllTest, resumed.NllTest);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

/// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
