using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Training;

/// <summary>
/// Scheduled sampling (Bengio et al. 2015): while training with the NLL of the real next token, each
/// step's input is the real previous token with probability ε and the model's own sample otherwise.
/// </summary>
/// <remarks>
/// Schedule: ε decays linearly per epoch of the scheduled-sampling phase, from
/// <see cref="ScheduledSamplingSchedule.Start"/> to <see cref="ScheduledSamplingSchedule.End"/>. The SeqGAN paper
/// gives its own schedule — ω decreased by 0.002 every training epoch, as the original
/// schedule_sampling/schedule_sampling.py:117-119 (4152436) does from 1.0 — which this linear ramp does not follow yet.
/// The original script flips one coin for the whole run (a Python <c>random.random()</c> frozen into the graph,
/// schedule_sampling/model.py:90), 0.397 after <c>random.seed(88)</c>, below every ω it reaches, so its SS row was
/// teacher-forced MLE (docs/original-code.md).
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

/// <summary>ε (probability of feeding the real previous token) decays linearly from Start to End over the phase.</summary>
public sealed record ScheduledSamplingSchedule(double Start = 1.0, double End = 0.5)
{
    public double TeacherForcingAt(int epoch, int epochs) =>
        epochs <= 1 ? End : Start + (End - Start) * epoch / (epochs - 1);
}
