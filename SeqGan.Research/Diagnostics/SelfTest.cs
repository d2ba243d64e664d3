using System.Diagnostics;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Diagnostics;

/// <summary>
/// The checks a machine without the .NET SDK can run on its own device (`seqgan selftest --device cuda`): the
/// gradients of the LSTM and the discriminator against finite differences, batched rollouts against the per-prefix
/// reference loop, sampling independent of its compute batch, the multi-tensor Adam against the per-tensor one, same
/// seed → same numbers, and the device against the CPU on a small training run. Tiny models: seconds in all.
/// The xunit tests check the same properties on the CPU in more depth; this is what runs where `dotnet test` cannot.
/// </summary>
public sealed class SelfTest(Device device)
{
    private static readonly LstmModelSize TinySize = new(VocabularySize: 30, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 6);

    private static DiscriminatorConfig TinyDiscriminator(double dropoutKeep = 0.75) => new()
    {
        VocabularySize = TinySize.VocabularySize,
        SequenceLength = TinySize.SequenceLength,
        EmbeddingSize = 8,
        FilterWidths = [1, 2, 3],
        FilterCounts = [4, 6, 4],
        DropoutKeep = dropoutKeep,
    };

    /// <summary>Agreement of float32 runs on two devices (or two runs on a GPU, whose reductions use atomics); a GPU's
    /// convolutions may use TF32 (cuDNN's default), hence the loose bound for anything that went through D.</summary>
    public const double SameDeviceTolerance = 1e-5;
    public const double CrossDeviceTolerance = 2e-3;

    public Device Device { get; } = device;

    private bool OnCpu => Device.Type == DeviceType.Cpu;

    /// <summary>Runs every check, reporting each as it finishes; a check that throws fails with the exception's message.</summary>
    public SelfTestReport Run(IProgress<SelfTestCheck>? progress = null)
    {
        var checks = new List<SelfTestCheck>();
        void Add(SelfTestCheck check)
        {
            checks.Add(check);
            progress?.Report(check);
        }
        if (Device.Type == DeviceType.Cuda && Device.Index >= Torch.CudaDeviceCount)
        {
            Add(new SelfTestCheck("device is visible", SelfTestOutcome.Failed,
                $"{Device} is not visible to libtorch {Torch.LibtorchVersion} ({Torch.CudaDeviceCount} CUDA devices; torch_cuda: {(Torch.CudaLibrary == "" ? "none in this libtorch" : Torch.CudaLibrary)})", 0));
            return new SelfTestReport(Device.ToString(), checks);
        }
        foreach (var (name, body) in Checks()) Add(Time(name, body));
        return new SelfTestReport(Device.ToString(), checks);
    }

    private IEnumerable<(string Name, Func<(SelfTestOutcome, string)> Body)> Checks()
    {
        yield return ("LSTM cell gradients = finite differences (float64)", LstmGradients);
        yield return ("discriminator gradients = finite differences (float64)", DiscriminatorGradients);
        yield return ("batched rollouts = per-prefix reference loop", RolloutsMatchReference);
        yield return ("sampling: compute batch does not change the samples", SamplingIgnoresComputeBatch);
        yield return ("multi-tensor Adam = per-tensor Adam", MultiTensorAdamMatches);
        yield return ("same seed, same numbers", SameSeedSameNumbers);
        yield return ($"{Device} agrees with the CPU on a small training run", AgreesWithCpu);
    }

    private static SelfTestCheck Time(string name, Func<(SelfTestOutcome, string)> body)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var scope = Torch.NewDisposeScope();
            var (outcome, detail) = body();
            return new SelfTestCheck(name, outcome, detail, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is TorchException or InvalidOperationException or ArgumentException or InvalidDataException)
        {
            return new SelfTestCheck(name, SelfTestOutcome.Failed, $"{e.GetType().Name}: {e.Message}", watch.Elapsed.TotalSeconds);
        }
    }

    private static (SelfTestOutcome, string) FromDisagreements(IReadOnlyList<string> failures, int coordinates) => failures.Count == 0
        ? (SelfTestOutcome.Passed, $"{coordinates} coordinates within {GradientCheck.RelativeTolerance:G2} relative")
        : (SelfTestOutcome.Failed, string.Join("; ", failures.Take(5)));

    private Tensor Leaf(params long[] shape)
    {
        var leaf = Tensor.Randn(shape, DType.Float64).To(Device);
        leaf.RequiresGrad = true;
        return leaf;
    }

    private (SelfTestOutcome, string) LstmGradients()
    {
        Torch.ManualSeed(101);
        using var cell = GradientCheck.InFloat64(new LstmCell(3, 4));
        cell.To(Device);
        var inputs = Leaf(2, 3, 3);
        var h0 = Leaf(2, 4);
        var c0 = Leaf(2, 4);
        var weights = Tensor.Randn([2, 3, 4], DType.Float64).To(Device);
        var cellWeights = Tensor.Randn([2, 4], DType.Float64).To(Device);
        Tensor Loss()
        {
            var (hiddens, final) = cell.Unroll(inputs, new LstmState(h0, c0));
            return (hiddens * weights).Sum() + (final.Cell * cellWeights).Sum();
        }
        (string, Tensor)[] variables = [("W", cell.W), ("U", cell.U), ("b", cell.B), ("inputs", inputs), ("h0", h0), ("c0", c0)];
        return FromDisagreements(GradientCheck.Disagreements(Loss, variables), variables.Sum(v => (int)v.Item2.NumberOfElements));
    }

    private (SelfTestOutcome, string) DiscriminatorGradients()
    {
        Torch.ManualSeed(102);
        using var discriminator = GradientCheck.InFloat64(new Discriminator(TinyDiscriminator()));
        discriminator.To(Device).Eval();   // no dropout: the loss must be a function of the parameters alone
        var tokens = Tensor.RandInt(0, TinySize.VocabularySize, [6, TinySize.SequenceLength]).To(Device);
        var labels = Tensor.From(new long[] { 1, 0, 1, 1, 0, 0 }, 6).To(Device);
        var variables = discriminator.NamedParameters().Where(p => !p.Name.StartsWith("embedding", StringComparison.Ordinal)).ToList();
        // The embedding is checked through its effect on everything downstream; its own 240 coordinates add only time.
        return FromDisagreements(GradientCheck.Disagreements(() => discriminator.Loss(tokens, labels), variables),
            variables.Sum(v => (int)v.Parameter.NumberOfElements));
    }

    private (SelfTestOutcome, string) RolloutsMatchReference()
    {
        Torch.ManualSeed(103);
        using var policy = (Generator)new Generator(TinySize, initStd: 1.0).To(Device);
        using var discriminator = (Discriminator)new Discriminator(TinyDiscriminator()).To(Device);
        var scorer = new SequenceScorers.DiscriminatorScorer(discriminator);
        var sequences = policy.Sample(5);
        var uniforms = RolloutRewards.DrawUniforms(TinySize.SequenceLength, 4, 5, Device);
        var batched = RolloutRewards.Compute(policy, sequences, 4, scorer, uniforms).ToArray<float>();
        var reference = RolloutRewards.ReferenceLoop(policy, sequences, 4, scorer, uniforms).ToArray<float>();
        var worst = batched.Zip(reference, (a, b) => Math.Abs(a - b)).Max();
        return (worst <= SameDeviceTolerance ? SelfTestOutcome.Passed : SelfTestOutcome.Failed,
            $"{batched.Length} rewards, max |batched − reference| = {worst:G3} (bound {SameDeviceTolerance:G2})");
    }

    private (SelfTestOutcome, string) SamplingIgnoresComputeBatch()
    {
        Torch.ManualSeed(104);
        using var generator = (Generator)new Generator(TinySize, initStd: 1.0).To(Device);
        const int count = 300, chunk = 64;
        long[] Draw(int? computeRows)
        {
            generator.SamplingComputeRows = computeRows;
            Torch.ManualSeed(105);
            return generator.Sample(count, chunk).ToArray<long>();
        }
        var reference = Draw(chunk);
        foreach (var rows in new[] { 7, 100, count })
            if (!Draw(rows).SequenceEqual(reference))
                return (SelfTestOutcome.Failed, $"sampling {count} sequences {rows} rows at a time gave other tokens than {chunk} at a time");
        Torch.ManualSeed(105);
        var chunkByChunk = Enumerable.Range(0, (count + chunk - 1) / chunk)
            .SelectMany(c => generator.Sample(Math.Min(chunk, count - c * chunk)).ToArray<long>()).ToArray();
        generator.SamplingComputeRows = null;
        return chunkByChunk.SequenceEqual(reference)
            ? (SelfTestOutcome.Passed, $"{count} sequences: the same tokens computed 7, 64, 100 or 300 rows at a time, and chunk by chunk")
            : (SelfTestOutcome.Failed, $"sampling {count} sequences in chunks of {chunk} differs from drawing the chunks one by one");
    }

    private (SelfTestOutcome, string) MultiTensorAdamMatches()
    {
        Torch.ManualSeed(106);
        using var perTensor = (Discriminator)new Discriminator(TinyDiscriminator(dropoutKeep: 1.0)).To(Device);
        using var multi = (Discriminator)new Discriminator(TinyDiscriminator(dropoutKeep: 1.0)).To(Device);
        var state = perTensor.StateDict();
        multi.LoadStateDict(state);
        foreach (var t in state.Values) t.Dispose();
        using var perTensorAdam = new Adam(perTensor.Parameters(), 1e-2) { MultiTensor = false };
        using var multiAdam = new Adam(multi.Parameters(), 1e-2) { MultiTensor = true };
        var tokens = Tensor.RandInt(0, TinySize.VocabularySize, [16, TinySize.SequenceLength]).To(Device);
        var labels = Tensor.RandInt(0, 2, [16]).To(Device);
        for (var step = 0; step < 3; step++)
            foreach (var (model, adam) in new[] { (perTensor, perTensorAdam), (multi, multiAdam) })
            {
                using var scope = Torch.NewDisposeScope();
                adam.ZeroGrad();
                model.Loss(tokens, labels).Backward();
                adam.Step();
            }
        var worst = MaxRelativeDifference(perTensor, multi);
        return (worst <= SameDeviceTolerance ? SelfTestOutcome.Passed : SelfTestOutcome.Failed,
            $"3 steps, max relative parameter difference {worst:G3} (bound {SameDeviceTolerance:G2})");
    }

    private (SelfTestOutcome, string) SameSeedSameNumbers()
    {
        var first = SeededTrainingRun();
        var second = SeededTrainingRun();
        var worst = first.Zip(second, (a, b) => RelativeDifference(a, b)).Max();
        var bound = OnCpu ? 0 : SameDeviceTolerance;
        return (worst <= bound ? SelfTestOutcome.Passed : SelfTestOutcome.Failed,
            $"{first.Length} numbers (losses, sampled tokens, parameters) of two seeded runs, max relative difference {worst:G3} (bound {bound:G2})");
    }

    /// <summary>MLE epochs, a discriminator round (shuffling, dropout, fresh negatives) and a policy-gradient step with
    /// rollout rewards, every random draw from the device's seeded generator.</summary>
    private double[] SeededTrainingRun()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(107);
        using var oracle = (OracleLstm)new OracleLstm(TinySize).To(Device);
        using var generator = (Generator)new Generator(TinySize).To(Device);
        using var discriminator = (Discriminator)new Discriminator(TinyDiscriminator()).To(Device);
        using var generatorAdam = new Adam(generator.Parameters(), 0.01);
        using var discriminatorAdam = new Adam(discriminator.Parameters(), 1e-3);
        var data = oracle.Sample(128, 64);
        var numbers = new List<double>();
        for (var epoch = 0; epoch < 2; epoch++) numbers.Add(MleTraining.TrainEpoch(generator, generatorAdam, data, 32, 5.0, shuffle: true));
        numbers.Add(AdversarialTraining.DiscriminatorRound(discriminator, discriminatorAdam, generator, data, 128, 1, 32));
        var samples = generator.Sample(16);
        numbers.AddRange(samples.ToArray<long>().Select(t => (double)t));
        var rewards = RolloutRewards.Compute(generator, samples, 4, new SequenceScorers.DiscriminatorScorer(discriminator));
        numbers.Add(PolicyGradient.Step(generator, generatorAdam, samples, rewards, 5.0));
        numbers.AddRange(generator.Parameters().Concat(discriminator.Parameters()).SelectMany(p => p.ToArray<float>().Select(v => (double)v)));
        return numbers.ToArray();
    }

    private (SelfTestOutcome, string) AgreesWithCpu()
    {
        if (OnCpu) return (SelfTestOutcome.Skipped, "the device is the CPU");
        var cpu = DeterministicTrainingRun(Device.Cpu);
        var device = DeterministicTrainingRun(Device);
        var worst = cpu.Zip(device, (a, b) => RelativeDifference(a, b)).Max();
        return (worst <= CrossDeviceTolerance ? SelfTestOutcome.Passed : SelfTestOutcome.Failed,
            $"{cpu.Length} numbers (MLE losses and parameters, D losses, rollout rewards, PG loss), max relative difference {worst:G3} (bound {CrossDeviceTolerance:G2})");
    }

    /// <summary>The same run on any device: every random draw made on the CPU and copied, no dropout, no shuffling, so the
    /// two devices compute the same function and may differ by rounding only.</summary>
    private static double[] DeterministicTrainingRun(Device device)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(108);
        using var oracle = new OracleLstm(TinySize);
        using var generator = new Generator(TinySize);
        using var discriminator = new Discriminator(TinyDiscriminator(dropoutKeep: 1.0));
        var data = oracle.Sample(128, 64).To(device);
        var labels = Tensor.Cat([Tensor.Ones([64], DType.Int64), Tensor.Zeros([64], DType.Int64)], 0).To(device);
        var uniforms = RolloutRewards.DrawUniforms(TinySize.SequenceLength, 4, 16, Device.Cpu).To(device);
        generator.To(device);
        discriminator.To(device);
        using var generatorAdam = new Adam(generator.Parameters(), 0.01);
        using var discriminatorAdam = new Adam(discriminator.Parameters(), 1e-3);
        var numbers = new List<double>();
        for (var epoch = 0; epoch < 2; epoch++) numbers.Add(MleTraining.TrainEpoch(generator, generatorAdam, data, 32, 5.0));
        // The generator after MLE (no convolution on its path): parameters later in the run are left out, because an Adam
        // update turns a rounding difference in a near-zero gradient (TF32 convolutions) into a full learning-rate step.
        numbers.AddRange(generator.Parameters().SelectMany(p => p.ToArray<float>().Select(v => (double)v)));
        for (var step = 0; step < 4; step++)
        {
            using var stepScope = Torch.NewDisposeScope();
            discriminatorAdam.ZeroGrad();
            var index = Tensor.Arange(32, DType.Int64, device) * 4 + step;   // a fixed mix of real and generated rows
            var loss = discriminator.Loss(data.IndexSelect(0, index), labels.IndexSelect(0, index));
            loss.Backward();
            discriminatorAdam.Step();
            numbers.Add(loss.Item());
        }
        var samples = data.Narrow(0, 0, 16);
        var rewards = RolloutRewards.Compute(generator, samples, 4, new SequenceScorers.DiscriminatorScorer(discriminator), uniforms);
        numbers.AddRange(rewards.ToArray<float>().Select(v => (double)v));
        numbers.Add(PolicyGradient.Step(generator, generatorAdam, samples, rewards, 5.0));
        return numbers.ToArray();
    }

    private static double RelativeDifference(double a, double b) => Math.Abs(a - b) / (1 + Math.Abs(a));

    private static double MaxRelativeDifference(Module a, Module b) =>
        a.Parameters().Zip(b.Parameters(), (x, y) => x.ToArray<float>().Zip(y.ToArray<float>(), (u, v) => RelativeDifference(u, v)).DefaultIfEmpty(0).Max()).Max();
}
