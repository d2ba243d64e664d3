using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Tests.Training;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Gpu;

/// <summary>What a GPU run needs from its training loops, checked on the CPU by counting what they dispatch.</summary>
public class OperatorCounterTests
{
    [Fact]
    public void CountsOperatorsLeavesAndSyncs()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Tensor.Ones([4, 4]);
        var counts = OperatorCounter.Measure(() => (a.MatMul(a) + a).Sum().Item());
        Assert.True(counts.Operators >= 4, $"{counts}");
        Assert.InRange(counts.LeafOperators, 1, counts.Operators);
        Assert.Equal(1, counts.DeviceSyncs);   // the Item
        Assert.Equal(0, OperatorCounter.Measure(() => { }).Operators);
    }

    [Fact]
    public void CountersDoNotNest()
    {
        using var outer = OperatorCounter.Start();
        Assert.Throws<TorchException>(() => OperatorCounter.Start());
        outer.Stop();
        Assert.Throws<InvalidOperationException>(() => outer.Stop());
    }

    [Fact]
    public void ADiscriminatorStepDispatchesTheSameOperatorsWhateverTheBatchSize()
    {
        // On a GPU the step is launch-bound when its operator count, not its arithmetic, sets the time: that count must
        // not grow with the batch, so a larger batch is free.
        long OperatorsPerStep(int batch)
        {
            using var scope = Torch.NewDisposeScope();
            Torch.ManualSeed(61);
            using var discriminator = new Discriminator(TinyModels.Discriminator);
            using var adam = new Adam(discriminator.Parameters(), 1e-3) { MultiTensor = true };
            var positives = Tensor.RandInt(0, TinyModels.Size.VocabularySize, [4L * batch, TinyModels.Size.SequenceLength]);
            var negatives = Tensor.RandInt(0, TinyModels.Size.VocabularySize, [4L * batch, TinyModels.Size.SequenceLength]);
            var fourSteps = OperatorCounter.Measure(() => DiscriminatorTraining.Train(discriminator, adam, positives.Narrow(0, 0, 2L * batch), negatives.Narrow(0, 0, 2L * batch), 1, batch));
            var eightSteps = OperatorCounter.Measure(() => DiscriminatorTraining.Train(discriminator, adam, positives, negatives, 1, batch));
            return (eightSteps.LeafOperators - fourSteps.LeafOperators) / 4;
        }
        var small = OperatorsPerStep(8);
        Assert.True(small > 20, $"{small} leaf operators per step");
        Assert.Equal(small, OperatorsPerStep(32));
    }

    [Fact]
    public void TrainingLoopsReadTheHostOncePerEpochOrStepAndNeverWaitInside()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(62);
        using var oracle = new OracleLstm(TinyModels.Size);
        using var generator = new Generator(TinyModels.Size);
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        using var generatorAdam = new Adam(generator.Parameters(), 0.01);
        using var discriminatorAdam = new Adam(discriminator.Parameters(), 1e-3);
        var data = oracle.Sample(128, 64);
        var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);

        (long Reads, long Syncs) Cost(Action work)
        {
            var before = Torch.HostReads;
            var counts = OperatorCounter.Measure(work);
            return (Torch.HostReads - before, counts.DeviceSyncs);
        }
        // Three epochs of 8 steps: one loss read per epoch, nothing else.
        Assert.Equal((3, 3), Cost(() => DiscriminatorTraining.Train(discriminator, discriminatorAdam, data, generator.Sample(128), 3, 32)));
        Assert.Equal((1, 1), Cost(() => MleTraining.TrainEpoch(generator, generatorAdam, data, 16, 5.0)));
        Assert.Equal((1, 1), Cost(() => ScheduledSampling.TrainEpoch(generator, generatorAdam, data, 16, 5.0, 0.5)));
        // Sampling negatives, rollouts and the policy-gradient update: only the step's loss is read.
        Assert.Equal((0, 0), Cost(() => generator.Sample(300, 64)));
        Assert.Equal((1, 1), Cost(() => AdversarialTraining.GeneratorStep(generator, generatorAdam, generator, scorer, 16, 4, 5.0)));
        // An evaluation over many batches reads once.
        Assert.Equal((1, 1), Cost(() => generator.MeanNegativeLogLikelihood(data, batchSize: 16)));
    }
}
