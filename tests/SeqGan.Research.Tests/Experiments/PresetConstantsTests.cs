using SeqGan.Research.Experiments;
using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Experiments;

/// <summary>
/// The presets' constants against the original scripts (LantaoYu/SeqGAN): master e2b52fb for the paper preset's
/// schedule and models, 4152436 pg_bleu/ for the PG-BLEU row. Each expected value is read off the line named beside it,
/// so a preset edit that departs from the original fails here and has to say why.
/// </summary>
public class PresetConstantsTests
{
    [Fact]
    public void PaperPresetIsMastersSequenceGanPy()
    {
        var paper = OraclePreset.Paper;
        Assert.Equal(120, paper.PretrainEpochs);                       // sequence_gan.py:18 PRE_EPOCH_NUM
        Assert.Equal(64, paper.BatchSize);                             // :20 BATCH_SIZE
        Assert.Equal(200, paper.AdversarialIterations);                // :35 TOTAL_BATCH
        Assert.Equal(10_000, paper.TrainingSequences);                 // :39 generated_num (real_data.txt)
        Assert.Equal(10_000, paper.EvaluationSamples);                 // :39 generated_num (eval_file.txt)
        Assert.Equal(50, paper.DiscriminatorPretrainRounds);           // :123 for _ in range(50)
        Assert.Equal(3, paper.DiscriminatorPretrainEpochs);            // :126 for _ in range(3)
        Assert.Equal(new AdversarialStrategy(1, 5, 3), paper.Strategy); // :144 one g-step, :163 range(5), :167 range(3)
        Assert.Equal(16, paper.Rollouts);                              // :146 get_reward(sess, samples, 16, discriminator)
        Assert.Equal(RolloutPolicyKind.CurrentGenerator, paper.RolloutPolicy);   // rollout.py:19-21 (the 0.8 update never takes effect)
        Assert.Equal(0.01, paper.GeneratorLearningRate);               // generator.py:8 learning_rate=0.01
        Assert.Equal(5.0, paper.GradientClip);                         // generator.py grad_clip = 5.0

        var discriminator = Assert.IsType<CnnDiscriminatorFactory>(paper.Discriminator).Template;
        Assert.Equal(64, discriminator.EmbeddingSize);                 // :25 dis_embedding_dim
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20], discriminator.FilterWidths);                 // :26
        Assert.Equal([100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160], discriminator.FilterCounts); // :27
        Assert.Equal(0.75, discriminator.DropoutKeep);                 // :28
        Assert.Equal(0.2, discriminator.L2Lambda);                     // :29
        Assert.Equal(1e-4, discriminator.LearningRate);                // discriminator.py:133 AdamOptimizer(1e-4)

        var generator = Assert.IsType<LstmGeneratorFactory>(paper.Generator);
        Assert.Equal(32, generator.EmbeddingSize);                     // :14 EMB_DIM
        Assert.Equal(32, generator.HiddenSize);                        // :15 HIDDEN_DIM
    }

    [Fact]
    public void PgBleuRowIsTheOriginalPgBleuPy()
    {
        foreach (var preset in new[] { OraclePreset.Smoke, OraclePreset.Quick, OraclePreset.Paper })
        {
            var row = preset.PgBleu;
            Assert.Same(row.Reward, preset.Table1Methods.OfType<AdversarialMethod>().Single(m => m.Label == "PG-BLEU").Reward);
            Assert.Equal(1, row.Rollouts);                             // pg_bleu.py:165 get_reward(sess, samples, 1, …)
            Assert.Equal(1e-3, row.LearningRate);                      // pg_bleu.py:36-37 AdamOptimizer() ignores the 0.01
            Assert.False(row.Reward.UsesDiscriminator);
        }
        Assert.Equal("BLEU-3 (ZeroOrdersOmitted), 40% of references", Rewards.OriginalPgBleu.Name);   // :165 weights (1/3, 1/3, 1/3); :101 < 0.4
    }

    [Fact]
    public void EveryBuiltInPresetTrainsTheDiscriminatorOnAsManyNegativesAsPositives()
    {
        // sequence_gan.py:39 generated_num = 10000 negatives against real_data.txt's 10,000 positives.
        foreach (var preset in new[] { OraclePreset.Smoke, OraclePreset.Quick, OraclePreset.Paper })
            Assert.True(preset.NegativeSamples == preset.TrainingSequences,
                $"preset {preset.Name}: {preset.NegativeSamples} negatives against {preset.TrainingSequences} positives");
    }

    [Fact]
    public void PgBleuReferencesAreAFractionOfTheTrainingSequencesFixedByTheSeed()
    {
        var sequences = Enumerable.Range(0, 5_000).Select(i => (IReadOnlyList<int>)[i, i + 1, i + 2]).ToList();
        var kept = PgBleuScorer.References(sequences, 0.4, seed: 7);
        Assert.InRange(kept.Count, 1_850, 2_150);                     // 2,000 expected; ± 4.6 standard deviations
        Assert.Equal(kept, PgBleuScorer.References(sequences, 0.4, seed: 7));
        Assert.NotEqual(kept, PgBleuScorer.References(sequences, 0.4, seed: 8));
        Assert.Same(sequences, PgBleuScorer.References(sequences, 1, seed: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rewards.Bleu(3, BleuSmoothing.None, referenceFraction: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rewards.Bleu(0));
    }
}
