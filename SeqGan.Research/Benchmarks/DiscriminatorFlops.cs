using SeqGan.Research.Models;

namespace SeqGan.Research.Benchmarks;

/// <summary>Floating-point operation counts of the discriminator (multiply and add counted separately).</summary>
public static class DiscriminatorFlops
{
    /// <summary>Σ_w 2·B·F_w·E·w·(T − w + 1): every VALID window of every filter.</summary>
    public static double ConvolutionForward(DiscriminatorConfig config, int batch)
    {
        double total = 0;
        for (var i = 0; i < config.FilterWidths.Count; i++)
        {
            var width = config.FilterWidths[i];
            total += 2.0 * batch * config.FilterCounts[i] * config.EmbeddingSize * width * (config.SequenceLength - width + 1);
        }
        return total;
    }

    /// <summary>The highway's two square layers and the 2-way output layer, forward.</summary>
    public static double DenseForward(DiscriminatorConfig config, long rows)
    {
        double features = config.FilterCounts.Sum();
        return 2 * (2.0 * rows * features * features) + 2.0 * rows * features * 2;
    }

    /// <summary>Convolutions, the highway's two square layers and the output layer, forward.</summary>
    public static double Forward(DiscriminatorConfig config, int batch) => ConvolutionForward(config, batch) + DenseForward(config, batch);

    /// <summary>
    /// The backward of conv + ReLU + max over time as the bridge does it: only each (sequence, filter)'s winning
    /// window gets gradient, so the weight and the input gradient are each Σ_w 2·B·F_w·E·w.
    /// </summary>
    public static double ConvolutionBackward(DiscriminatorConfig config, int batch)
    {
        double total = 0;
        for (var i = 0; i < config.FilterWidths.Count; i++)
            total += 2 * (2.0 * batch * config.FilterCounts[i] * config.EmbeddingSize * config.FilterWidths[i]);
        return total;
    }

    /// <summary>One training step: the forward, the sparse convolution backward, and the dense layers' backward
    /// (input and weight gradients: two more forwards).</summary>
    public static double TrainingStep(DiscriminatorConfig config, int batch) =>
        ConvolutionForward(config, batch) + ConvolutionBackward(config, batch) + 3 * DenseForward(config, batch);

    /// <summary>
    /// D's scoring of (T−1)·N·B rollout completions of B sequences as <see cref="Discriminator.ProbabilityRealOfCompletions"/>
    /// does it at rollout sizes: each sequence's own feature maps once; per width a projection table
    /// ([V, E]·[E, w·F]) and, for prefix length t, only the windows that touch a sampled position (start ≥ t − w + 1),
    /// each w adds of F-vectors; the dense layers on every completion; plus scoring the B sequences themselves.
    /// </summary>
    public static double RolloutScoring(DiscriminatorConfig config, int batch, int rollouts)
    {
        var length = config.SequenceLength;
        double convolution = ConvolutionForward(config, batch);
        for (var i = 0; i < config.FilterWidths.Count; i++)
        {
            var width = config.FilterWidths[i];
            convolution += 2.0 * config.VocabularySize * config.EmbeddingSize * width * config.FilterCounts[i];
            for (var prefix = 1; prefix < length; prefix++)
            {
                var firstNewStart = Math.Max(0, prefix - width + 1);
                var windows = length - width + 1 - firstNewStart;
                convolution += (double)rollouts * batch * config.FilterCounts[i] * width * windows;
            }
        }
        var completions = (long)(length - 1) * rollouts * batch;
        return convolution + DenseForward(config, completions) + Forward(config, batch);
    }
}
