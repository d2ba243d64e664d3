using SeqGan.Research.Data;
using SeqGan.Research.Experiments;
using SeqGan.Research.Metrics;
using SeqGan.Research.Plotting;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Organ;

public class OrganExperimentTests
{
    private sealed class CancelOnce(CancellationTokenSource source, Func<TrainingProgress, bool> when) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (when(value)) source.Cancel();
        }
    }

    [Fact]
    public void Smoke_table_is_complete_resumes_after_an_interruption_and_repeats_with_the_same_seed()
    {
        var corpus = AbcCorpus.Load(OrganTestData.MusicLarge);
        var temp = Directory.CreateTempSubdirectory("seqgan-organ-").FullName;
        try
        {
            var checkpoints = new RunOptions { Seed = 3, CheckpointDirectory = Path.Combine(temp, "checkpoints") };
            // Stop inside the first ORGAN run (after the MLE, naive-RL and pretraining sessions have checkpointed).
            using (var cancel = new CancellationTokenSource())
            {
                var stopper = new CancelOnce(cancel, p => p.Run.StartsWith("ORGAN", StringComparison.Ordinal));
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    OrganExperiments.TableAndSweep(corpus, OrganPreset.Smoke, [3], checkpoints, null, stopper, cancel.Token));
            }
            var resumed = OrganExperiments.TableAndSweep(corpus, OrganPreset.Smoke, [3], checkpoints with { Resume = true }, Path.Combine(temp, "out"));
            var fresh = OrganExperiments.TableAndSweep(corpus, OrganPreset.Smoke, [3], new RunOptions { Seed = 3 }, null);

            Assert.Equal(12, resumed.Table.Rows.Count);
            Assert.Equal(fresh.Table.Rows.Select(r => (r.Mean, r.Lambda)), resumed.Table.Rows.Select(r => (r.Mean, r.Lambda)));
            foreach (var row in resumed.Table.Rows)
                foreach (var value in new[] { row.Mean.Tonality, row.Mean.Melodicity, row.Mean.RatioOfSteps, row.Mean.Diversity })
                    Assert.InRange(value, 0, 1);
            // MLE is one generator and SeqGAN one λ = 1 run per seed, shown under every objective.
            Assert.Single(resumed.Table.Rows.Where(r => r.Algorithm == OrganAlgorithm.Mle).Select(r => r.Mean).Distinct());
            Assert.Single(resumed.Table.Rows.Where(r => r.Algorithm == OrganAlgorithm.SeqGan).Select(r => r.Mean).Distinct());
            Assert.Equal([0.6, 0.6, 0.8], resumed.Table.Rows.Where(r => r.Algorithm == OrganAlgorithm.Organ).Select(r => r.Lambda));
            Assert.Equal(OrganPreset.Smoke.SweepLambdas, resumed.Sweep.Select(r => r.Lambda));

            var markdown = File.ReadAllText(Path.Combine(temp, "out", "organ-table.md"));
            Assert.Contains("0.629 / 0.640 / 0.023 / 0.086", markdown);          // paper, tonality naive RL
            Assert.Contains("0.4661 / 0.5257 / 0.0615 / 0.2383", markdown);      // logs, the row the paper misprints
            Assert.Equal(13, File.ReadAllLines(Path.Combine(temp, "out", "organ-table.csv")).Length);

            var figure = OrganFigures.LambdaSweep(resumed.Sweep, resumed.SweepObjective);
            Assert.Contains("original logs", figure.ToJsonNode().ToJsonString());
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public void Reference_numbers_flag_the_two_rows_where_paper_and_logs_disagree()
    {
        Assert.NotNull(OrganReference.Discrepancy(MusicObjectiveKind.Melodicity, OrganAlgorithm.NaiveRl));
        Assert.NotNull(OrganReference.Discrepancy(MusicObjectiveKind.Tonality, OrganAlgorithm.Mle));
        Assert.Null(OrganReference.Discrepancy(MusicObjectiveKind.Tonality, OrganAlgorithm.Organ));
        Assert.Equal(0.629, OrganReference.Paper(MusicObjectiveKind.Melodicity, OrganAlgorithm.NaiveRl)!.Melodicity);
        Assert.Equal(0.5257, OrganReference.Logs(MusicObjectiveKind.Melodicity, OrganAlgorithm.NaiveRl)!.Melodicity);
    }

    [Fact]
    public void Presets_are_valid_and_bad_names_are_rejected()
    {
        foreach (var preset in new[] { OrganPreset.Smoke, OrganPreset.Quick, OrganPreset.Paper }) preset.Validate();
        Assert.Equal(199, OrganPreset.Paper.AdversarialIterations);
        Assert.Equal([0, 1, 2, 3, 4, 5], new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }.Select(OrganPreset.DiscriminatorRounds));
        var error = Assert.Throws<ArgumentException>(() => OrganPreset.ByName("huge"));
        Assert.Contains("huge", error.Message);
        Assert.Throws<ArgumentException>(() => (OrganPreset.Smoke with { DiversitySamples = 1000 }).Validate());
    }
}
