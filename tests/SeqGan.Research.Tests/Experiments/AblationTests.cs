using SeqGan.Research.Experiments;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Experiments;

/// <summary>Parts as data: a generator, a reward or a discriminator named in the preset runs the Table 1 pipeline.</summary>
public class AblationTests
{
    private static ReproductionResult Table1(OraclePreset preset, TemporaryFolder output, string folder, params string[] methods) =>
        OracleExperiments.Table1AndFigure2(preset, [1], new RunOptions(), output[folder],
            methods: methods.Length == 0 ? null : methods.Select(preset.Table1Method).ToList());

    private static double Row(ReproductionResult result, string method) => result.Table!.Rows.Single(r => r.Method == method).Mean;

    private static string SeqGanCheckpoint(TemporaryFolder output, string folder) =>
        File.ReadAllText(Path.Combine(output[folder], "checkpoints", "seed1", "seqgan", "state.json"));

    [Fact]
    public void Table1_runs_end_to_end_with_a_gru_generator()
    {
        using var scope = Torch.NewDisposeScope();
        using var output = new TemporaryFolder("seqgan-gru-");
        var result = Table1(OraclePreset.Smoke with { Generator = new GruGeneratorFactory(EmbeddingSize: 8, HiddenSize: 8) }, output, "gru");
        Assert.Equal(["Random", "MLE", "SS", "PG-BLEU", "SeqGAN"], result.Table!.Rows.Select(r => r.Method).ToArray());
        var random = Row(result, "Random");
        Assert.NotEqual(Row(Table1(OraclePreset.Smoke, output, "lstm", "Random"), "Random"), random);   // another generator, another start
        Assert.All(result.Table.Rows.Where(r => r.Method != "Random"), row => Assert.True(row.Mean < random, $"{row.Method} {row.Mean} vs random {random}"));
        Assert.Contains("SeqGAN,1,seqgan,8,", File.ReadAllText(Path.Combine(output["gru"], "figure2-curves.csv")));
    }

    [Fact]
    public void A_constant_reward_in_the_preset_changes_the_seqgan_row_and_nothing_before_it()
    {
        using var scope = Torch.NewDisposeScope();
        using var output = new TemporaryFolder("seqgan-constant-");
        var seqgan = Table1(OraclePreset.Smoke, output, "d", "MLE", "SeqGAN");
        var control = Table1(OraclePreset.Smoke with { Reward = Rewards.Constant(1.0) }, output, "constant", "MLE", "SeqGAN");
        Assert.Equal(Row(seqgan, "MLE"), Row(control, "MLE"));        // the same pretrained generator and baseline
        Assert.NotEqual(Row(seqgan, "SeqGAN"), Row(control, "SeqGAN"));
        // No discriminator is built for a reward that needs none: no D pretraining in the run's checkpoint.
        Assert.DoesNotContain("d-pretrain", SeqGanCheckpoint(output, "constant"));
        Assert.Contains("d-pretrain", SeqGanCheckpoint(output, "d"));
    }

    /// <summary>README's "another discriminator": the mean token embedding and a linear layer.</summary>
    private sealed class BagOfTokens : Module, ISequenceDiscriminator
    {
        private readonly Embedding embedding;
        private readonly Linear output;

        public BagOfTokens(SequenceShape shape)
        {
            embedding = RegisterModule("embedding", new Embedding(shape.VocabularySize, 16));
            output = RegisterModule("output", new Linear(16, 2));
        }

        private Tensor Logits(Tensor tokens) => output.Forward(embedding.Forward(tokens).Mean(1));

        public Tensor Loss(Tensor tokens, Tensor labels) => Logits(tokens).LogSoftmax(1).NllLoss(labels);

        public Tensor ProbabilityReal(Tensor tokens)
        {
            using var noGrad = Torch.NoGrad();
            return Logits(tokens).Softmax(1).Select(1, 1);
        }
    }

    [Fact]
    public void Your_own_reward_and_your_own_discriminator_run_the_seqgan_row()
    {
        using var scope = Torch.NewDisposeScope();
        using var output = new TemporaryFolder("seqgan-own-parts-");
        // README's "your own reward": the share of distinct tokens in each finished sequence.
        var distinct = new RewardFactory("distinct tokens", UsesDiscriminator: false, _ => new SequenceScorers.HostScorer((ids, width) =>
            Enumerable.Range(0, ids.Length / width).Select(r => ids.Skip(r * width).Take(width).Distinct().Count() / (double)width).ToArray()));
        var bag = DiscriminatorFactory.FromFunction("bag of tokens", learningRate: 1e-3, (shape, device) => new BagOfTokens(shape).To(device));
        var paper = Row(Table1(OraclePreset.Smoke, output, "paper", "SeqGAN"), "SeqGAN");
        var ownReward = Row(Table1(OraclePreset.Smoke with { Reward = distinct }, output, "reward", "SeqGAN"), "SeqGAN");
        var ownDiscriminator = Row(Table1(OraclePreset.Smoke with { Discriminator = bag }, output, "discriminator", "SeqGAN"), "SeqGAN");
        Assert.NotEqual(paper, ownReward);
        Assert.NotEqual(paper, ownDiscriminator);
        Assert.Contains("d-pretrain", SeqGanCheckpoint(output, "discriminator"));
    }
}
