using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>
/// Scheduled sampling (Bengio et al. 2015): while training with the NLL of the real next token, each
/// step's input is the real previous token with probability ε and the model's own sample otherwise.
/// </summary>
/// <remarks>
/// Every step of every row flips its own coin (<see cref="Loss"/>), so ε is the expected fraction of real inputs.
/// The schedule (<see cref="ScheduledSamplingSchedule"/>) is the paper's by default: ω decreased by 0.002 every training
/// epoch, as the original schedule_sampling/schedule_sampling.py:117-119 (4152436) does from 1.0, counted here from the
/// first epoch of the scheduled-sampling phase. The original script itself flips one coin for the whole run (a Python
/// <c>random.random()</c> frozen into the graph as a constant, schedule_sampling/model.py:90): 0.397 after
/// <c>random.seed(88)</c>, below every ω its 300 epochs reach (0.998 … 0.400), so its SS row was teacher-forced MLE
/// (docs/original-code.md).
/// </remarks>
public static class ScheduledSampling
{
    /// <summary>One epoch with teacher-forcing probability <paramref name="teacherForcing"/>; returns the mean loss.</summary>
    public static double TrainEpoch(ISequencePolicy generator, Adam optimizer, Tensor data, int batchSize, double gradientClip,
        double teacherForcing, CancellationToken cancellation = default)
    {
        if (teacherForcing is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(teacherForcing), teacherForcing, "must be in [0, 1]");
        generator.Train();
        using var outer = Torch.NewDisposeScope();
        var order = TokenBatches.Order(data.Size(0), shuffle: false, data.Device);
        var batches = TokenBatches.Count(data.Size(0), batchSize);
        var losses = new List<Tensor>(batches);
        for (var i = 0; i < batches; i++)
        {
            Interruption.ThrowIfRequested(cancellation);
            using var scope = Torch.NewDisposeScope();
            optimizer.ZeroGrad();
            var loss = Loss(generator, TokenBatches.Batch(data, order, i, batchSize), teacherForcing);
            loss.Backward();
            GradientClipping.ClipByGlobalNorm(generator.Parameters(), gradientClip);
            optimizer.Step();
            losses.Add(scope.MoveToOuter(loss.Detach()));
        }
        return Tensor.Stack(losses, 0).Mean().Item();
    }

    /// <summary>Mean NLL of the real tokens when inputs mix real and sampled previous tokens.</summary>
    public static Tensor Loss(ISequencePolicy generator, Tensor batch, double teacherForcing)
    {
        var rows = batch.Size(0);
        var length = (int)batch.Size(1);
        var state = generator.StartState(rows);
        var input = Tensor.Full([rows], generator.Shape.StartToken, DType.Int64, batch.Device);
        var logProbabilities = new List<Tensor>(length);
        for (var t = 0; t < length; t++)
        {
            state = generator.Advance(state, input);
            var logits = generator.Logits(state);
            var target = batch.Select(1, t);
            logProbabilities.Add(logits.LogSoftmax(1).Gather(1, target.Unsqueeze(1)).Squeeze(1));
            if (t == length - 1) break;
            Tensor sampled;
            using (Torch.NoGrad()) sampled = logits.SampleRows(areLogits: true);  // the sampled input carries no gradient
            var useReal = Tensor.Rand([rows], DType.Float32, batch.Device).Lt(teacherForcing);
            input = Tensor.Where(useReal, target, sampled);
        }
        return -Tensor.Stack(logProbabilities, 1).Mean();
    }
}

/// <summary>
/// ε, the probability of feeding the real previous token, in 0-based epoch e of the scheduled-sampling phase. By default
/// the paper's: ε_e = max(<see cref="Floor"/>, <see cref="Start"/> − <see cref="DecreasePerEpoch"/>·(e + 1)) — 0.998 in the
/// first epoch, since the original lowers the rate before each epoch (schedule_sampling.py:117-120:
/// <c>curriculum_rate = 1.0</c>, then <c>max(0.0, curriculum_rate - 0.002)</c> at the top of every epoch).
/// <see cref="Linear"/> is the kit's earlier choice: a ramp from Start to an end value over the phase.
/// </summary>
public sealed record ScheduledSamplingSchedule(double Start = 1.0, double DecreasePerEpoch = 0.002, double Floor = 0.0, double? LinearEnd = null)
{
    /// <summary>The paper's schedule.</summary>
    public static ScheduledSamplingSchedule Paper { get; } = new();

    /// <summary>ε from <paramref name="start"/> in the first epoch to <paramref name="end"/> in the last, linearly.</summary>
    public static ScheduledSamplingSchedule Linear(double start, double end) => new(Start: start, LinearEnd: end);

    /// <param name="epoch">0-based epoch of the phase</param>
    /// <param name="epochs">epochs of the phase (only the linear ramp needs it)</param>
    public double TeacherForcingAt(int epoch, int epochs)
    {
        if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "must not be negative");
        if (LinearEnd is { } end) return epochs <= 1 ? end : Start + (end - Start) * epoch / (epochs - 1);
        return Math.Max(Floor, Start - DecreasePerEpoch * (epoch + 1));
    }

    public override string ToString() => LinearEnd is { } end
        ? $"ε linear {Start:0.###} → {end:0.###}"
        : $"ε = max({Floor:0.###}, {Start:0.###} − {DecreasePerEpoch:0.####}·epoch)";
}
