using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Experiments;

public class OracleRunTests
{
    [Fact]
    public void SmokeRunOfAlgorithmOneCompletesWithFiniteNumbers()
    {
        using var scope = Torch.NewDisposeScope();
        using var run = new OracleRun(OraclePreset.Smoke, new RunOptions { Seed = 1 });
        var seqgan = run.Run(OraclePreset.Smoke.Table1Method("SeqGAN"));
        var random = run.Run(OraclePreset.Smoke.Table1Method("Random"));
        Assert.True(double.IsFinite(seqgan.NllOracle) && double.IsFinite(seqgan.NllTest));
        // curve: pretrained start point + an evaluation every 2 of 4 iterations
        Assert.Equal([4, 6, 8], seqgan.Curve.Select(p => p.Epoch).ToArray());
        Assert.Equal(OraclePreset.Smoke.PretrainEpochs, run.PretrainingCurve[^1].Epoch);
        Assert.NotEqual(random.NllOracle, seqgan.NllOracle);
    }

    [Fact]
    public void EveryTable1MethodRunsOnTheSmokePresetAndWritesTheTable()
    {
        using var scope = Torch.NewDisposeScope();
        var output = Directory.CreateTempSubdirectory("seqgan-table1-").FullName;
        try
        {
            var result = OracleExperiments.Table1AndFigure2(OraclePreset.Smoke, [1, 2], new RunOptions(), output);
            Assert.Equal(["Random", "MLE", "SS", "PG-BLEU", "SeqGAN"], result.Table!.Rows.Select(r => r.Method).ToArray());
            Assert.All(result.Table.Rows, row => Assert.Equal(2, row.Seeds));
            Assert.All(result.Table.Rows.Where(r => r.Method != "SeqGAN"), row => Assert.NotNull(row.PValueVsSeqGan));
            // Training must beat the untrained generator on the oracle's own measure.
            var random = result.Table.Rows.Single(r => r.Method == "Random").Mean;
            Assert.All(result.Table.Rows.Where(r => r.Method != "Random"), row => Assert.True(row.Mean < random, $"{row.Method} {row.Mean} vs random {random}"));
            foreach (var file in new[] { "table1.md", "table1.csv", "figure2-curves.csv" })
                Assert.True(new FileInfo(Path.Combine(output, file)).Length > 100, file);
            Assert.Contains("| PG-BLEU |", File.ReadAllText(Path.Combine(output, "table1.md")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Figure3RunsTheGivenStrategiesFromOnePretraining()
    {
        using var scope = Torch.NewDisposeScope();
        var output = Directory.CreateTempSubdirectory("seqgan-figure3-").FullName;
        try
        {
            AdversarialStrategy[] strategies = [new(2, 1, 1), new(1, 2, 1)];
            var result = OracleExperiments.Figure3(OraclePreset.Smoke, [1], new RunOptions(), output, strategies: strategies);
            Assert.Equal(2, result.Results.Count);
            Assert.NotEqual(result.Results[0].NllOracle, result.Results[1].NllOracle);
            Assert.Equal(result.Results[0].Curve[0].Value, result.Results[1].Curve[0].Value);  // same pretrained start
            Assert.Contains("SeqGAN (g-steps=2, d-steps=1, k=1)", File.ReadAllText(Path.Combine(output, "figure3-curves.csv")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void ResumedRunEqualsUninterruptedRun()
    {
        using var scope = Torch.NewDisposeScope();
        var root = Directory.CreateTempSubdirectory("seqgan-resume-").FullName;
        try
        {
            MethodResult uninterrupted;
            var seqgan = OraclePreset.Smoke.Table1Method("SeqGAN");
            using (var run = new OracleRun(OraclePreset.Smoke, new RunOptions { Seed = 2 }))
                uninterrupted = run.Run(seqgan);

            // Interrupt after a few adversarial progress reports, then resume from the checkpoints.
            using (var cancel = new CancellationTokenSource())
            {
                var reports = 0;
                var progress = new SynchronousProgress<TrainingProgress>(p =>
                {
                    if (p.Phase == "seqgan" && ++reports == 2) cancel.Cancel();
                });
                using var run = new OracleRun(OraclePreset.Smoke, new RunOptions { Seed = 2, CheckpointDirectory = root }, progress, cancel.Token);
                Assert.Throws<OperationCanceledException>(() => run.Run(seqgan));
            }
            MethodResult resumed;
            using (var run = new OracleRun(OraclePreset.Smoke, new RunOptions { Seed = 2, CheckpointDirectory = root, Resume = true }))
                resumed = run.Run(seqgan);

            Assert.Equal(uninterrupted.Curve.Select(p => p.Value), resumed.Curve.Select(p => p.Value));
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
