using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>Mini-batches of a token matrix [N, T]. Like the paper's data loader, only full batches are used
/// (⌊N / batch⌋ of them); shuffling draws from libtorch's seeded generator so runs replay exactly.</summary>
public static class TokenBatches
{
    public static int Count(long rows, int batchSize) => (int)(rows / batchSize);

    /// <summary>Row indices of one pass: 0..N−1 in order, or a random permutation.</summary>
    public static Tensor Order(long rows, bool shuffle, Device device) =>
        shuffle ? Tensor.RandPerm(rows, device) : Tensor.Arange(rows, DType.Int64, device);

    /// <summary>The rows of batch <paramref name="index"/> under <paramref name="order"/>.</summary>
    public static Tensor Batch(Tensor data, Tensor order, int index, int batchSize) =>
        data.IndexSelect(0, order.Narrow(0, (long)index * batchSize, batchSize));
}
