using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Training;

/// <summary>
/// Properties of the original code that no other test pins: which way D's labels point, that D learns, the scale of
/// the MLE and policy-gradient losses, and that NLL-test reads the generator without changing it
/// (docs/original-code.md names the lines).
/// </summary>
public class OriginalSemanticsTests
{
    private static Tensor Rows(int count, int length, Func<int, int, long> token)
    {
        var flat = new long[count * length];
        for (var i = 0; i < count; i++)
            for (var t = 0; t < length; t++) flat[i * length + t] = token(i, t);
        return Tensor.From(flat, count, length);
    }

    private static float[] Flat(Tensor tensor) => tensor.Detach().To(DType.Float32, Device.Cpu).ToArray<float>();

    [Fact]
    public void MleLossIsAMeanOverTokensAndPolicyGradientLossASum()
    {
        // generator.py:93-97 divides by sequence_length · batch_size; g_loss (generator.py:108-113) is a plain sum.
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(21);
        using var generator = new Generator(TinyModels.Size);
        var batch = generator.Sample(8);
        var doubled = Tensor.Cat([batch, batch], 0);
        var length = TinyModels.Size.SequenceLength;
        double LogProbabilitySum(Tensor tokens)
        {
            using var noGrad = Torch.NoGrad();
            return generator.TokenLogProbabilities(tokens).Sum().Item();
        }

        using (Torch.NoGrad())
        {
            var mle = MleTraining.Loss(generator, batch).Item();
            Assert.Equal(-LogProbabilitySum(batch) / (8 * length), mle, 5);
            Assert.Equal(mle, MleTraining.Loss(generator, doubled).Item(), 5);   // a mean: the batch size drops out

            var ones = Tensor.Ones([8, length]);
            var policyGradient = PolicyGradient.Loss(generator, batch, ones).Item();
            Assert.Equal(-LogProbabilitySum(batch), policyGradient, 4);
            Assert.Equal(2 * policyGradient, PolicyGradient.Loss(generator, doubled, Tensor.Ones([16, length])).Item(), 3);  // a sum
            Assert.Equal(mle * 8 * length, policyGradient, 3);
        }
    }

    [Fact]
    public void DiscriminatorLearnsThatLabelOneIsRealAndTheRewardIsItsProbabilityOfReal()
    {
        // Real = [0, 1] (column 1), fake = [1, 0]; rollout.py:86 rewards ypred[:, 1], P(real).
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(22);
        var length = TinyModels.Size.SequenceLength;
        var real = Rows(128, length, (i, t) => (i + t) % 10);           // tokens 0..9
        var fake = Rows(128, length, (i, t) => 20 + (i * 3 + t) % 10);  // tokens 20..29: separable
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        using var optimizer = new Adam(discriminator.Parameters(), 1e-2);
        DiscriminatorTraining.Train(discriminator, optimizer, real, fake, epochs: 6, batchSize: 32);

        var realScore = discriminator.ProbabilityReal(real).Mean().Item();
        var fakeScore = discriminator.ProbabilityReal(fake).Mean().Item();
        Assert.True(realScore > 0.8 && fakeScore < 0.2, $"P(real) of real {realScore}, of generated {fakeScore}");
        var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
        Assert.Equal(Flat(discriminator.ProbabilityReal(real)), Flat(scorer.Score(real)));

        // The reward of the last token is D's P(real) of the sequence: a real-looking sequence earns more.
        using var generator = new Generator(TinyModels.Size);
        var rewardsReal = RolloutRewards.Compute(generator, real.Narrow(0, 0, 4), 2, scorer);
        var rewardsFake = RolloutRewards.Compute(generator, fake.Narrow(0, 0, 4), 2, scorer);
        Assert.True(rewardsReal.Select(1, length - 1).Mean().Item() > rewardsFake.Select(1, length - 1).Mean().Item() + 0.5);
    }

    [Fact]
    public void DiscriminatorTellsOracleSamplesFromAnUntrainedGeneratorsAboveChance()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(23);
        using var oracle = new OracleLstm(TinyModels.Size, seed: 66);
        using var generator = new Generator(TinyModels.Size);
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        using var optimizer = new Adam(discriminator.Parameters(), 1e-3);
        var heldOutReal = oracle.Sample(512);
        var heldOutFake = generator.Sample(512);
        double Accuracy() => (DiscriminatorTraining.FractionJudgedReal(discriminator, heldOutReal)
                              + 1 - DiscriminatorTraining.FractionJudgedReal(discriminator, heldOutFake)) / 2;
        var before = Accuracy();
        for (var round = 0; round < 3; round++)
            AdversarialTraining.DiscriminatorRound(discriminator, optimizer, generator, oracle.Sample(512), 512, epochs: 1, batchSize: 64);
        var after = Accuracy();
        Assert.True(after > 0.65 && after > before + 0.1, $"held-out accuracy {before:F3} before, {after:F3} after three rounds");
    }

    [Fact]
    public void NllTestScoresHeldOutDataWithoutChangingTheGenerator()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(24);
        using var oracle = new OracleLstm(TinyModels.Size, seed: 66);
        using var generator = new Generator(TinyModels.Size);
        var heldOut = oracle.Sample(300);
        var before = generator.StateDict().ToDictionary(kv => kv.Key, kv => Flat(kv.Value));
        generator.Train();

        var first = OracleMetrics.NllTest(generator, heldOut, batchSize: 64);
        var second = OracleMetrics.NllTest(generator, heldOut, batchSize: 64);
        Assert.Equal(first, second);
        foreach (var (name, tensor) in generator.StateDict()) Assert.Equal(before[name], Flat(tensor));
        using (Torch.NoGrad())
            Assert.Equal(MleTraining.Loss(generator, heldOut).Item(), first, 4);  // the generator's own mean NLL of the held-out tokens
    }
}
