using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Experiments;

public class RealDataExperimentTests
{
    private static string MirrorFile(string catalogPath) => Path.Combine([TestData.Mirror, .. catalogPath.Split('/')]);

    [Fact]
    public void Table2SmokeWritesRealDataMleAndSeqGanRowsWithSelfBleuAndPValues()
    {
        using var scope = Torch.NewDisposeScope();
        var output = Directory.CreateTempSubdirectory("seqgan-table2-").FullName;
        try
        {
            var result = RealDataExperiments.Run(RealDataTask.Table2, RealDataPreset.Smoke, [1, 2], new RunOptions(), output,
                corpusFile: MirrorFile(CatalogCorpusFile.ChinesePoems));
            var table = result.Table;
            Assert.Equal([RealDataMethods.RealData, RealDataMethods.Mle, RealDataMethods.SeqGan], table.Rows.Select(r => r.Method).ToArray());
            foreach (var method in new[] { RealDataMethods.RealData, RealDataMethods.Mle, RealDataMethods.SeqGan })
            {
                var bleu = table.Cell(method, "BLEU-2")!;
                var self = table.Cell(method, "Self-BLEU-2")!;
                Assert.Equal(2, bleu.Seeds);
                Assert.InRange(bleu.Mean, 0.0, 1.0);
                Assert.InRange(self.Mean, 0.0, 1.0);
            }
            Assert.NotNull(table.Cell(RealDataMethods.Mle, "BLEU-2")!.PValueVsSeqGan);
            Assert.Equal(0.7389, table.Cell(RealDataMethods.SeqGan, "BLEU-2")!.Paper);
            // Real poems against held-out real poems beat a tiny generator trained for seconds.
            Assert.True(table.Cell(RealDataMethods.RealData, "BLEU-2")!.Mean > table.Cell(RealDataMethods.Mle, "BLEU-2")!.Mean);
            var markdown = File.ReadAllText(Path.Combine(output, "table2.md"));
            Assert.Contains("Human-score column", markdown);
            Assert.Contains("| SeqGAN |", markdown);
            Assert.True(File.Exists(Path.Combine(output, "seed2", "split", "split.json")));
            Assert.True(new FileInfo(Path.Combine(output, "table2-samples.txt")).Length > 100);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Table4SmokeReportsBleu4AndMse()
    {
        using var scope = Torch.NewDisposeScope();
        var output = Directory.CreateTempSubdirectory("seqgan-table4-").FullName;
        try
        {
            var result = RealDataExperiments.Run(RealDataTask.Table4, RealDataPreset.Smoke, [1], new RunOptions(), output,
                corpusFile: MirrorFile(CatalogCorpusFile.NottinghamMelodies));
            var mse = result.Table.Cell(RealDataMethods.SeqGan, RealDataMetrics.Mse)!;
            Assert.True(mse.Mean > 0 && double.IsFinite(mse.Mean));
            Assert.Equal(20.62, mse.Paper);
            Assert.NotNull(result.Table.Cell(RealDataMethods.Mle, "BLEU-4"));
            Assert.Contains("MSE", File.ReadAllText(Path.Combine(output, "table4.csv")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void SameSeedGivesSameNumbersAndAResumedRunMatches()
    {
        using var scope = Torch.NewDisposeScope();
        var corpus = TextCorpus.Load(MirrorFile(CatalogCorpusFile.ObamaSpeeches),
            new TextCorpusOptions { MaxLength = RealDataPreset.Smoke.WordsMaxLength, VocabularySize = RealDataPreset.Smoke.WordsVocabularySize });
        var split = CorpusSplit.Create(corpus, 0.1, seed: 3);
        var root = Directory.CreateTempSubdirectory("seqgan-realdata-resume-").FullName;
        try
        {
            RealDataResult Once(string? checkpoints, bool resume, CancellationToken cancel = default)
            {
                using var run = new RealDataRun(RealDataTask.Table3, split, RealDataPreset.Smoke,
                    new RunOptions { Seed = 3, CheckpointDirectory = checkpoints, Resume = resume }, cancellation: cancel);
                return run.Run(RealDataPreset.Smoke.SeqGan);
            }
            var first = Once(null, false);
            var second = Once(null, false);
            Assert.Equal(first.Metrics, second.Metrics);
            Assert.True(first.Metrics.ContainsKey("BLEU-3") && first.Metrics.ContainsKey("Self-BLEU-4"));

            // Stop during SeqGAN's adversarial phase, then resume from the checkpoints.
            using (var cancel = new CancellationTokenSource())
            {
                var progress = new SynchronousProgress<TrainingProgress>(p => { if (p.Phase == "seqgan") cancel.Cancel(); });
                using var run = new RealDataRun(RealDataTask.Table3, split, RealDataPreset.Smoke,
                    new RunOptions { Seed = 3, CheckpointDirectory = root }, progress, cancel.Token);
                Assert.ThrowsAny<OperationCanceledException>(() => run.Run(RealDataPreset.Smoke.SeqGan));
            }
            var resumed = Once(root, true);
            Assert.Equal(first.Metrics, resumed.Metrics);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
