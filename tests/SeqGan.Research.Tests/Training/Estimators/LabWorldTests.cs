using SeqGan.Research.Experiments;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;
using SeqGan.Research.Training.Estimators;
using Xunit.Abstractions;

namespace SeqGan.Research.Tests.Training.Estimators;

/// <summary>The lab's parts on its smoke world: the relaxed discriminator path, the critic, the step-wise
/// discriminator, the importance-weighted estimators and the sweep's files.</summary>
public class LabWorldTests(SmokeLabWorld lab, ITestOutputHelper output) : IClassFixture<SmokeLabWorld>
{
    private EstimatorLabWorld World => lab.World;

    [Fact]
    public void TheDiscriminatorReadsOneHotsAsItReadsTokensAndPassesGradientsBack()
    {
        using var scope = Torch.NewDisposeScope();
        var tokens = World.Sequences.Narrow(0, 100, 50);
        var relaxed = OneHot.Encode(tokens, World.Space.VocabularySize);
        relaxed.RequiresGrad = true;
        var fromRelaxed = World.Discriminator.ProbabilityRealOfRelaxed(relaxed);
        var fromTokens = World.Discriminator.ProbabilityReal(tokens).ToArray<float>();
        var relaxedValues = fromRelaxed.ToArray<float>();
        for (var i = 0; i < fromTokens.Length; i++) Assert.Equal(fromTokens[i], relaxedValues[i], 1e-5f);
        fromRelaxed.Sum().Backward();
        Assert.Contains(relaxed.Grad!.ToArray<float>(), g => Math.Abs(g) > 1e-6);
        Assert.Throws<ArgumentException>(() => World.Discriminator.LogitsOfRelaxed(Tensor.Zeros([2, 4, 5])));
    }

    private PrefixValueCriticConfig CriticConfig => new()
    {
        VocabularySize = World.Space.VocabularySize, EmbeddingSize = 8, HiddenSize = 8, LearningRate = 0.01,
    };

    [Fact]
    public void TheCriticsValueConvergesToTheMeanRewardOnAConstantRewardTask()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(31);
        // The reward is noise of mean 0.7 that no sequence can influence: the value of every prefix is 0.7.
        var noise = new SequenceScorers.HostScorer((ids, width) =>
            Enumerable.Range(0, ids.Length / width).Select(i => 0.7 + 0.2 * ((i * 7919 % 11) / 5.0 - 1)).ToArray());
        using var estimator = new ActorCriticEstimator(CriticConfig);
        for (var step = 0; step < 300; step++)
            using (Torch.NewDisposeScope()) estimator.Surrogate(World.Generator, noise, 64);
        Tensor values;
        using (Torch.NoGrad()) values = estimator.Critic.Values(World.Generator.Sample(512));
        var mean = values.Mean().Item();
        var worst = (values - 0.7).Abs().Max().Item();
        output.WriteLine($"critic: mean value {mean:F4}, largest |V − 0.7| = {worst:F4}, last loss {estimator.LastCriticLoss:F5}");
        Assert.Equal(0.7, mean, 1);
        Assert.True(Math.Abs(mean - 0.7) < 0.02, $"mean value {mean:F4}");
        Assert.True(worst < 0.06, $"some prefix has value {0.7 + worst:F3} or {0.7 - worst:F3}");
    }

    [Fact]
    public void TheCriticNeverSeesTheTokenItBaselinesAndTheStepwiseDiscriminatorNeverSeesTheFuture()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(32);
        using var critic = new PrefixValueCritic(CriticConfig);
        using var discriminator = new StepwiseDiscriminator(new StepwiseDiscriminatorConfig { VocabularySize = World.Space.VocabularySize, EmbeddingSize = 6, HiddenSize = 6 });
        var a = Tensor.From([1L, 2, 3, 4], 1, 4);
        var b = Tensor.From([1L, 2, 5, 0], 1, 4);   // differs from position 2 on
        using var noGrad = Torch.NoGrad();
        var (va, vb) = (critic.Values(a).ToArray<float>(), critic.Values(b).ToArray<float>());
        Assert.Equal(va.Take(3), vb.Take(3));       // V(y_<t) for t ≤ 2 reads positions 0..1 only
        Assert.NotEqual(va[3], vb[3]);
        var (da, db) = (discriminator.PrefixLogits(a).ToArray<float>(), discriminator.PrefixLogits(b).ToArray<float>());
        Assert.Equal(da.Take(2), db.Take(2));
        Assert.NotEqual(da[2], db[2]);
    }

    [Fact]
    public void TheStepwiseDiscriminatorLearnsToTellOracleFromGeneratorAtEveryPrefix()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(33);
        using var discriminator = new StepwiseDiscriminator(new StepwiseDiscriminatorConfig { VocabularySize = World.Space.VocabularySize, EmbeddingSize = 8, HiddenSize = 16, LearningRate = 0.01 });
        using var optimizer = new Adam(discriminator.Parameters(), 0.01);
        var real = World.Oracle.Sample(256);
        var fake = World.Generator.Sample(256);
        var labels = Tensor.Cat([Tensor.Ones([256], DType.Int64), Tensor.Zeros([256], DType.Int64)], 0);
        var both = Tensor.Cat([real, fake], 0);
        double first = double.NaN, last = double.NaN;
        for (var step = 0; step < 150; step++)
        {
            using var inner = Torch.NewDisposeScope();
            optimizer.ZeroGrad();
            var loss = discriminator.Loss(both, labels);
            loss.Backward();
            optimizer.Step();
            if (step == 0) first = loss.Item();
            last = loss.Item();
        }
        var rewardReal = new RewardScorers.StepwiseLogDiscriminatorScorer(discriminator).ScorePrefixes(World.Oracle.Sample(256)).Mean(0).ToArray<float>();
        var rewardFake = new RewardScorers.StepwiseLogDiscriminatorScorer(discriminator).ScorePrefixes(World.Generator.Sample(256)).Mean(0).ToArray<float>();
        output.WriteLine($"loss {first:F3} → {last:F3}; log D real [{string.Join(", ", rewardReal.Select(v => v.ToString("F2")))}], generated [{string.Join(", ", rewardFake.Select(v => v.ToString("F2")))}]");
        Assert.True(last < first - 0.05);
        Assert.True(rewardReal[^1] > rewardFake[^1], "log D of complete oracle sequences should exceed the generator's");
        Assert.All(rewardReal.Concat(rewardFake), r => Assert.True(r <= 0));
    }

    [Fact]
    public void BganAndMaliGanConvergeToTheirTargetAndMaliGansBaselineCutsTheVariance()
    {
        EstimatorDiagnostics Measure(ImportanceWeighting weighting, int batch)
        {
            Torch.ManualSeed(34);
            var samples = GradientDiagnostics.Draw(new ImportanceWeightedEstimator(weighting), World.Generator, World.Reward, batch, 30);
            return GradientDiagnostics.Summarise(samples, World.ImportanceWeightedGradient);
        }
        var results = new Dictionary<(ImportanceWeighting, int), EstimatorDiagnostics>();
        foreach (var weighting in new[] { ImportanceWeighting.BoundarySeeking, ImportanceWeighting.MaliGan })
        {
            foreach (var batch in new[] { 4, 256 }) results[(weighting, batch)] = Measure(weighting, batch);
            var (small, large) = (results[(weighting, 4)], results[(weighting, 256)]);
            output.WriteLine($"{weighting}: relative RMSE {small.RelativeRmse:F3} at 4 samples, {large.RelativeRmse:F3} at 256; bias {small.RelativeBias:F3} → {large.RelativeBias:F3}");
            // Consistent: the error falls about as 1/√m (√64 = 8) and what bias remains is small.
            Assert.True(large.RelativeRmse < small.RelativeRmse / 5, $"{weighting}: RMSE {small.RelativeRmse:F3} → {large.RelativeRmse:F3}");
            Assert.True(large.RelativeBias < 0.3, $"{weighting}: relative bias {large.RelativeBias:F3} at 256 samples");
        }
        // BGAN's Σ w̃ ∇log p carries the zero-mean term E_p[∇log p] with all its noise; MaliGAN's b = 1/m removes it.
        foreach (var batch in new[] { 4, 256 })
            Assert.True(results[(ImportanceWeighting.MaliGan, batch)].RelativeStandardDeviation < results[(ImportanceWeighting.BoundarySeeking, batch)].RelativeStandardDeviation / 2,
                $"at {batch} samples MaliGAN's spread {results[(ImportanceWeighting.MaliGan, batch)].RelativeStandardDeviation:F3} vs BGAN's {results[(ImportanceWeighting.BoundarySeeking, batch)].RelativeStandardDeviation:F3}");
    }

    public static TheoryData<string> TrainingRules => new()
    {
        "reinforce-self-critical", "rollouts-moving-average", "actor-critic", "gumbel-straight-through", "bgan", "maligan",
    };

    [Theory]
    [MemberData(nameof(TrainingRules))]
    public void TrainingWithTheEstimatorRaisesTheExactExpectedReward(string rule)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(35);
        using var generator = new Generator(World.Preset.Model);
        var state = World.Generator.StateDict();
        generator.LoadStateDict(state);
        foreach (var t in state.Values) t.Dispose();
        using var optimizer = new Adam(generator.Parameters(), 0.01);
        IGradientEstimator estimator = rule switch
        {
            "reinforce-self-critical" => new ReinforceEstimator(BaselineKind.SelfCritical),
            "rollouts-moving-average" => new RolloutReinforceEstimator(2, BaselineKind.MovingAverage),
            "actor-critic" => new ActorCriticEstimator(CriticConfig),
            "gumbel-straight-through" => new GumbelSoftmaxEstimator(new TemperatureSchedule(1.0, 0.5, Steps: 40), RelaxedSampleMode.StraightThrough),
            "bgan" => new ImportanceWeightedEstimator(ImportanceWeighting.BoundarySeeking),
            _ => new ImportanceWeightedEstimator(ImportanceWeighting.MaliGan),
        };
        ISequenceScorer reward = rule == "gumbel-straight-through" ? new RewardScorers.LogRelaxedDiscriminatorScorer(World.Discriminator) : World.Reward;
        double ExpectedReward() => (ExactGradient.Probabilities(generator, World.Sequences) * World.Rewards).Sum().Item();
        var before = ExpectedReward();
        for (var step = 0; step < 40; step++) EstimatorTraining.Step(estimator, generator, optimizer, reward, 32, gradientClip: 5.0);
        var after = ExpectedReward();
        output.WriteLine($"{estimator.Name}: E[D] {before:F4} → {after:F4}");
        (estimator as IDisposable)?.Dispose();
        Assert.True(after > before + 0.005, $"{estimator.Name}: E[D] went from {before:F4} to {after:F4}");
    }

    [Fact]
    public void TheSmokeSweepMeasuresEveryEstimatorAndWritesItsTables()
    {
        var directory = Directory.CreateTempSubdirectory("estimator-lab-").FullName;
        try
        {
            var result = EstimatorLab.Run(EstimatorLabPreset.Smoke, seed: 1, directory);
            var estimators = EstimatorLab.Estimators(EstimatorLabPreset.Smoke).Count;
            Assert.Equal(estimators * EstimatorLabPreset.Smoke.Batches.Count, result.Points.Count);
            Assert.All(result.Points, p => Assert.True(double.IsFinite(p.RelativeRmse) && p.RewardEvaluations >= p.Batch));
            var csv = File.ReadAllLines(Path.Combine(directory, "estimators.csv"));
            Assert.Equal(result.Points.Count + 1, csv.Length);
            Assert.Contains("MC rollouts (N = 2)", File.ReadAllText(Path.Combine(directory, "estimators.md")));
            // A rollout estimate costs (T−1)·N completions per sample plus the sample itself.
            var rollout = result.Points.First(p => p.Estimator == "MC rollouts (N = 2)" && p.Batch == 8);
            Assert.Equal(8 * (3 * 2 + 1), rollout.RewardEvaluations);
            Assert.Equal(2, EstimatorLab.Figure(result.Points).Layout.Grid!.Columns);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AResumedSweepMeasuresOnlyTheMissingPointsAndEqualsAnUninterruptedOne()
    {
        var preset = EstimatorLabPreset.Smoke with { Batches = [2], Estimates = 3 };
        var whole = Directory.CreateTempSubdirectory("estimator-lab-whole-").FullName;
        var resumed = Directory.CreateTempSubdirectory("estimator-lab-resumed-").FullName;
        try
        {
            var uninterrupted = EstimatorLab.Run(preset, seed: 1, whole);
            // As if the run had been killed after five points: the checkpoint holds only those.
            var checkpoint = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(whole, EstimatorLab.CheckpointFile)))!;
            var kept = checkpoint["Points"]!.AsArray().Take(5).Select(p => p!.DeepClone()).ToArray();
            checkpoint["Points"] = new System.Text.Json.Nodes.JsonArray(kept);
            File.WriteAllText(Path.Combine(resumed, EstimatorLab.CheckpointFile), checkpoint.ToJsonString());
            var second = EstimatorLab.Run(preset, seed: 1, resumed, resume: true);

            Assert.Equal(uninterrupted.Points.Take(5), second.Points.Take(5));   // kept as saved, seconds included
            static IEnumerable<string> WithoutSeconds(string folder) =>
                File.ReadAllLines(Path.Combine(folder, "estimators.csv")).Select(line => line[..line.LastIndexOf(',')]);
            Assert.Equal(WithoutSeconds(whole), WithoutSeconds(resumed));
            var error = Assert.Throws<InvalidDataException>(() => EstimatorLab.Run(preset, seed: 2, resumed, resume: true));
            Assert.Contains("seed 1", error.Message);
        }
        finally
        {
            Directory.Delete(whole, recursive: true);
            Directory.Delete(resumed, recursive: true);
        }
    }
}
