using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>Hyperparameters of the CNN discriminator; defaults are the paper's (discriminator.py).</summary>
public sealed record DiscriminatorConfig
{
    public int VocabularySize { get; init; } = 5000;
    public int SequenceLength { get; init; } = 20;
    public int EmbeddingSize { get; init; } = 64;
    public IReadOnlyList<int> FilterWidths { get; init; } = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20];
    public IReadOnlyList<int> FilterCounts { get; init; } = [100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160];
    /// <summary>Probability of keeping a unit in training (the paper: 0.75); rewards are scored without dropout.</summary>
    public double DropoutKeep { get; init; } = 0.75;
    /// <summary>L2 coefficient on the output layer's weights and bias (TF l2_loss = Σx²/2).</summary>
    public double L2Lambda { get; init; } = 0.2;
    public double LearningRate { get; init; } = 1e-4;
}

/// <summary>
/// D_φ: embedding → convolutions of many widths, ReLU, max over time → one highway layer → dropout
/// → 2-way softmax (class 1 = real). Input tokens [B, T] (int64).
/// </summary>
public sealed class Discriminator : Module, ISequenceDiscriminator
{
    public DiscriminatorConfig Config { get; }
    public Embedding Embedding { get; }
    public ConvOverTime Features { get; }
    public Highway Highway { get; }
    public Dropout Dropout { get; }
    public Linear Output { get; }

    public Discriminator(DiscriminatorConfig? config = null)
    {
        Config = config ?? new DiscriminatorConfig();
        if (Config.FilterWidths.Max() > Config.SequenceLength)
            throw new ArgumentException($"the widest filter ({Config.FilterWidths.Max()}) is longer than the sequence length {Config.SequenceLength}");
        Embedding = RegisterModule("embedding", new Embedding(Config.VocabularySize, Config.EmbeddingSize, s => Init.Uniform(s, -1, 1)));
        Features = RegisterModule("features", new ConvOverTime(Config.EmbeddingSize, Config.FilterWidths, Config.FilterCounts));
        Highway = RegisterModule("highway", new Highway(Features.OutputSize));
        Dropout = RegisterModule("dropout", new Dropout(1 - Config.DropoutKeep));
        Output = RegisterModule("output", new Linear(Features.OutputSize, 2,
            weightInit: s => Init.TruncatedNormal(s, 0.1), biasInit: s => Init.Constant(s, 0.1)));
    }

    /// <summary>Class logits [B, 2] for tokens [B, T]; dropout follows the module's training mode.</summary>
    public Tensor Logits(Tensor tokens)
    {
        var features = Features.Forward(Embedding.Forward(tokens));
        return Output.Forward(Dropout.Forward(Highway.Forward(features)));
    }

    /// <summary>Cross-entropy against labels [B] (int64, 1 = real) plus the L2 penalty on the output layer.</summary>
    public Tensor Loss(Tensor tokens, Tensor labels)
    {
        var crossEntropy = Logits(tokens).LogSoftmax(1).NllLoss(labels);
        var l2 = (Output.Weight.Square().Sum() + Output.Bias!.Square().Sum()) * 0.5;
        return crossEntropy + l2 * Config.L2Lambda;
    }

    /// <summary>
    /// D's P(real) of rollout completions [(T−1)·N·B, T] of <paramref name="sequences"/> [B, T] (rows ordered
    /// prefix length, rollout, sequence), in eval mode without gradient, sharing the convolution windows that
    /// lie inside each prefix and, at rollout sizes, evaluating the others through per-token projection tables
    /// (see <see cref="ConvOverTime.ForwardCompletions"/>). The same numbers as <see cref="ProbabilityReal"/> on the
    /// completions up to float rounding, much less work.
    /// </summary>
    public Tensor ProbabilityRealOfCompletions(Tensor sequences, Tensor completions, int rollouts)
    {
        var wasTraining = IsTraining;
        Eval();
        try
        {
            using var noGrad = Torch.NoGrad();
            var features = Features.ForwardCompletions(Embedding.Weight, sequences, completions, rollouts);
            return Output.Forward(Dropout.Forward(Highway.Forward(features))).Softmax(1).Select(1, 1);
        }
        finally
        {
            Train(wasTraining);
        }
    }

    /// <summary>D(Y): probability that each sequence is real, [B], scored in eval mode (no dropout) and without gradient.</summary>
    public Tensor ProbabilityReal(Tensor tokens)
    {
        var wasTraining = IsTraining;
        Eval();
        try
        {
            using var noGrad = Torch.NoGrad();
            return Logits(tokens).Softmax(1).Select(1, 1);
        }
        finally
        {
            Train(wasTraining);
        }
    }
}
