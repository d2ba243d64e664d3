using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>Maximum-likelihood training with teacher forcing: minimise the mean per-token NLL of real sequences.</summary>
public static class MleTraining
{
    /// <summary>−mean log G(y_t | y_&lt;t) over a batch [B, T].</summary>
    public static Tensor Loss(ISequencePolicy generator, Tensor batch) => -generator.TokenLogProbabilities(batch).Mean();

    /// <summary>One pass over <paramref name="data"/> [N, T] (in order, as the paper's loader does, unless
    /// <paramref name="shuffle"/>); returns the mean training loss.</summary>
    public static double TrainEpoch(ISequencePolicy generator, Adam optimizer, Tensor data, int batchSize,
        double gradientClip, bool shuffle = false, CancellationToken cancellation = default)
    {
        generator.Train();
        using var outer = Torch.NewDisposeScope();
        var order = TokenBatches.Order(data.Size(0), shuffle, data.Device);
        var batches = TokenBatches.Count(data.Size(0), batchSize);
        if (batches == 0) throw new ArgumentException($"{data.Size(0)} sequences do not fill one batch of {batchSize}");
        var losses = new List<Tensor>(batches);
        for (var i = 0; i < batches; i++)
        {
            Interruption.ThrowIfRequested(cancellation);
            using var scope = Torch.NewDisposeScope();
            optimizer.ZeroGrad();
            var loss = Loss(generator, TokenBatches.Batch(data, order, i, batchSize));
            loss.Backward();
            GradientClipping.ClipByGlobalNorm(generator.Parameters(), gradientClip);
            optimizer.Step();
            losses.Add(scope.MoveToOuter(loss.Detach()));
        }
        return Tensor.Stack(losses, 0).Mean().Item();  // one host sync per epoch
    }
}
