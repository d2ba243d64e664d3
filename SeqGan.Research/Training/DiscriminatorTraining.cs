using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>Trains D to tell real sequences (label 1) from generated ones (label 0).</summary>
public static class DiscriminatorTraining
{
    /// <summary>
    /// <paramref name="epochs"/> passes over positives ∪ negatives, shuffled once (as the paper's loader does
    /// on each load); returns the mean loss of the last epoch.
    /// </summary>
    public static double Train(ISequenceDiscriminator discriminator, Adam optimizer, Tensor positives, Tensor negatives,
        int epochs, int batchSize, CancellationToken cancellation = default)
    {
        discriminator.Train();
        using var outer = Torch.NewDisposeScope();
        var device = positives.Device;
        var data = Tensor.Cat([positives, negatives], 0);
        var labels = Tensor.Cat([
            Tensor.Ones([positives.Size(0)], DType.Int64, device),
            Tensor.Zeros([negatives.Size(0)], DType.Int64, device)], 0);
        var order = TokenBatches.Order(data.Size(0), shuffle: true, device);
        var batches = TokenBatches.Count(data.Size(0), batchSize);
        if (batches == 0) throw new ArgumentException($"{data.Size(0)} sequences do not fill one batch of {batchSize}");
        double lastEpochLoss = double.NaN;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var losses = new List<Tensor>(batches);
            for (var i = 0; i < batches; i++)
            {
                Interruption.ThrowIfRequested(cancellation);
                using var scope = Torch.NewDisposeScope();
                var index = order.Narrow(0, (long)i * batchSize, batchSize);
                optimizer.ZeroGrad();
                var loss = discriminator.Loss(data.IndexSelect(0, index), labels.IndexSelect(0, index));
                loss.Backward();
                optimizer.Step();
                losses.Add(scope.MoveToOuter(loss.Detach()));
            }
            lastEpochLoss = Tensor.Stack(losses, 0).Mean().Item();
        }
        return lastEpochLoss;
    }

    /// <summary>Fraction of <paramref name="tokens"/> that D classifies as real (P(real) &gt; 0.5), in eval mode.</summary>
    public static double FractionJudgedReal(ISequenceDiscriminator discriminator, Tensor tokens, int batchSize = 1024)
    {
        using var scope = Torch.NewDisposeScope();
        var scores = new SequenceScorers.DiscriminatorScorer(discriminator, batchSize).Score(tokens);
        return scores.Gt(0.5).To(DType.Float32).Mean().Item();
    }
}
