using SeqGan.Research.Data;
using SeqGan.Research.Experiments;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Experiments;

/// <summary>Master's log is read as the original wrote it, and the kit's curve is paired with it epoch for epoch.</summary>
public class PretrainingCheckTests
{
    [Fact]
    public void MastersLogIsReadAsEpochsTrained()
    {
        var path = PaperOracleFile.FindMasterLog(AppContext.BaseDirectory, TestData.Mirror)!;
        Assert.NotNull(path);
        var log = MasterLog.Read(path);
        // "epoch: 0 nll: 10.1716" is written after training epoch 0: one epoch done (sequence_gan.py:111-119).
        Assert.Equal(new LoggedPoint(1, 10.1716), log.Pretraining[0]);
        Assert.Equal(new LoggedPoint(6, 9.42939), log.Pretraining[1]);
        Assert.Equal(24, log.Pretraining.Count);
        Assert.Equal(116, log.Pretraining[^1].EpochsTrained);
        Assert.Equal(new LoggedPoint(1, 9.08457), log.Adversarial[0]);
        Assert.Equal(new LoggedPoint(151, 8.6832), log.Adversarial[^1]);
    }

    [Fact]
    public void AMalformedLineIsAnErrorNamingFileAndLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "pre-training...\nepoch:\t0\tnll:\t10.1\nepoch: 5 nll: 9.4\n");
            var error = Assert.Throws<InvalidDataException>(() => MasterLog.Read(path));
            Assert.Contains($"{path}:3", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MastersEvaluationRuleCountsFromTheFirstEpoch()
    {
        var master = OraclePreset.Paper with { EvaluateFromFirstEpoch = true };
        var evaluated = Enumerable.Range(0, master.PretrainEpochs).Where(master.EvaluatesAfterPretrainEpoch).Select(e => e + 1).ToList();
        Assert.Equal(Enumerable.Range(0, 24).Select(i => 1 + 5 * i).Append(120), evaluated);
        var kit = Enumerable.Range(0, OraclePreset.Paper.PretrainEpochs).Where(OraclePreset.Paper.EvaluatesAfterPretrainEpoch).Select(e => e + 1);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => 5 * i), kit);
    }

    [Fact]
    public void EachLoggedPointMeetsTheKitsPointAfterAsManyEpochs()
    {
        LoggedPoint[] logged = [new(1, 10.17), new(6, 9.43), new(11, 9.24)];
        var ours = new List<CurvePoint>
        {
            new("MLE pretraining", 1, "pretrain", 0, "NLL-oracle", 11.4), new("MLE pretraining", 1, "pretrain", 1, "NLL-oracle", 10.2),
            new("MLE pretraining", 1, "pretrain", 6, "NLL-oracle", 9.60), new("MLE pretraining", 1, "pretrain", 11, "NLL-oracle", 9.25),
            new("MLE pretraining", 2, "pretrain", 1, "NLL-oracle", 10.1), new("MLE pretraining", 2, "pretrain", 6, "NLL-oracle", 9.40),
            new("MLE pretraining", 2, "pretrain", 11, "NLL-oracle", 9.20),
        };
        var check = PretrainingCheck.Compare(logged, ours, "paper", "paper");
        Assert.Equal([1, 2], check.Seeds);
        Assert.Equal([10.2, 10.1], check.Rows[0].Ours);
        Assert.Equal(0.17, check.LargestDifference, 12);
        Assert.Equal(1, check.PointsOutsideTolerance);
        Assert.Contains("| 6 | 9.430 | 9.600 | 9.400 | 0.170 |", check.ToMarkdown());

        var missing = ours.Where(p => !(p.Seed == 2 && p.Epoch == 6)).ToList();
        Assert.Contains("seed 2", Assert.Throws<ArgumentException>(() => PretrainingCheck.Compare(logged, missing, "paper", "paper")).Message);
    }
}
