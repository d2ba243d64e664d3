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

    /// <summary>Convolutions, the highway's two square layers and the output layer, forward.</summary>
    public static double Forward(DiscriminatorConfig config, int batch)
    {
        double features = config.FilterCounts.Sum();
        return ConvolutionForward(config, batch) + 2 * (2.0 * batch * features * features) + 2.0 * batch * features * 2;
    }

    /// <summary>Forward plus backward (input and weight gradients): about three forwards.</summary>
    public static double TrainingStep(DiscriminatorConfig config, int batch) => 3 * Forward(config, batch);
}
