using SeqGan.Research.Models;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Training;

/// <summary>The paper's schedule, epoch by epoch as the original script computes it, and the per-token coin.</summary>
public class ScheduledSamplingTests
{
    [Fact]
    public void ThePapersScheduleLowersEpsilonBy0_002BeforeEveryEpoch()
    {
        // schedule_sampling.py:117-120 (4152436): curriculum_rate = 1.0; each epoch: rate = max(0.0, rate - 0.002), then train.
        var schedule = ScheduledSamplingSchedule.Paper;
        var rate = 1.0;
        for (var epoch = 0; epoch < 700; epoch++)
        {
            rate = Math.Max(0.0, rate - 0.002);
            Assert.Equal(rate, schedule.TeacherForcingAt(epoch, 700), 1e-12);
        }
        Assert.Equal(0.998, schedule.TeacherForcingAt(0, 300), 12);
        Assert.Equal(0.400, schedule.TeacherForcingAt(299, 300), 12);  // the last of the original's 300 epochs
        Assert.Equal(0.0, schedule.TeacherForcingAt(600, 700));
        Assert.Equal(schedule, new ScheduledSamplingSchedule());     // the default is the paper's
    }

    [Fact]
    public void TheLinearRampRunsFromStartToEndOverThePhase()
    {
        var ramp = ScheduledSamplingSchedule.Linear(1.0, 0.5);
        Assert.Equal([1.0, 0.875, 0.75, 0.625, 0.5], Enumerable.Range(0, 5).Select(e => ramp.TeacherForcingAt(e, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ramp.TeacherForcingAt(-1, 5));
    }

    [Fact]
    public void EachTokenFlipsItsOwnCoin()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(31);
        using var generator = new Generator(TinyModels.Size);
        using var oracle = new OracleLstm(TinyModels.Size, seed: 66);
        var batch = oracle.Sample(2000);
        using (var optimizer = new SeqGan.Research.Nn.Adam(generator.Parameters(), 0.01))
            for (var epoch = 0; epoch < 5; epoch++) MleTraining.TrainEpoch(generator, optimizer, batch, 100, 5.0);  // an untrained model ignores its inputs
        using var noGrad = Torch.NoGrad();
        // ε = 1 is teacher forcing: exactly the MLE loss.
        Assert.Equal(MleTraining.Loss(generator, batch).Item(), ScheduledSampling.Loss(generator, batch, 1.0).Item(), 5);
        // Per-token coins: ε = 0.5 lands between all-real and all-sampled inputs, and two draws differ (a run-wide coin
        // such as the original's would give one of the two extremes).
        var allSampled = ScheduledSampling.Loss(generator, batch, 0.0).Item();
        var teacher = ScheduledSampling.Loss(generator, batch, 1.0).Item();
        var half = ScheduledSampling.Loss(generator, batch, 0.5).Item();
        Assert.NotEqual(allSampled, teacher, 3);
        Assert.InRange(half, Math.Min(allSampled, teacher) + 1e-4, Math.Max(allSampled, teacher) - 1e-4);
    }
}
