using SeqGan.Research.Data;
using SeqGan.Research.Data.Corpora;
using SeqGan.Research.Experiments;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;
using SeqGan.Research.Tests.Organ;

namespace SeqGan.Research.Tests.Experiments;

/// <summary>
/// A stop request during a generator step's rollouts is honoured before the next generator step — in a real-data run
/// and in an ORGAN run, as in the oracle run: all three are the one trainer. Each run below makes three g-steps per
/// iteration; the request comes while the first is scoring its rollouts.
/// </summary>
public class GeneratorStepInterruptionTests
{
    /// <summary>Counts scoring calls and asks to stop on the first: a g-step scores its completions, then its sequences.</summary>
    private sealed class StopOnFirstScore(CancellationTokenSource stop) : ISequenceScorer
    {
        public int Calls { get; private set; }

        public Tensor Score(Tensor sequences)
        {
            Calls++;
            stop.Cancel();
            return Tensor.Full([sequences.Size(0)], 0.5, DType.Float32, sequences.Device);
        }
    }

    [Fact]
    public void A_real_data_run_stops_before_its_next_generator_step()
    {
        using var scope = Torch.NewDisposeScope();
        var corpus = TextCorpus.Load(Path.Combine([TestData.Mirror, .. CatalogCorpusFile.ObamaSpeeches.Split('/')]),
            new TextCorpusOptions { MaxLength = RealDataPreset.Smoke.WordsMaxLength, VocabularySize = RealDataPreset.Smoke.WordsVocabularySize });
        using var stop = new CancellationTokenSource();
        var scorer = new StopOnFirstScore(stop);
        var preset = RealDataPreset.Smoke with { Reward = new RewardFactory("stop on first score", false, _ => scorer), Strategy = new(3, 1, 1) };
        using var run = new RealDataRun(RealDataTask.Table3, CorpusSplit.Create(corpus, 0.1, seed: 1), preset, new RunOptions(), cancellation: stop.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => run.Run(preset.SeqGan));
        Assert.Equal(2, scorer.Calls);
    }

    [Fact]
    public void An_organ_run_stops_before_its_next_generator_step()
    {
        var corpus = AbcCorpus.Load(OrganTestData.MusicLarge);
        using var stop = new CancellationTokenSource();
        var calls = 0;
        // λ = 0 (naive RL): the objective is the whole reward, scored on the completions and then on the sequences.
        var objective = Objective.FromFunction("stop on first score", _ =>
        {
            stop.Cancel();
            return 0.5;
        });
        var counting = new CountingObjective(objective, () => calls++);
        using var run = new OrganRun(corpus, OrganPreset.Smoke with { Strategy = new(3, 5, 1) }, new RunOptions(), cancellation: stop.Token);
        run.Mle();
        Assert.ThrowsAny<OperationCanceledException>(() => run.Run(counting, 0));
        Assert.Equal(2, calls);
    }

    private sealed class CountingObjective(IObjective inner, Action called) : IObjective
    {
        public string Name => inner.Name;

        public double[] Score(IReadOnlyList<long[]> sequences)
        {
            called();
            return inner.Score(sequences);
        }
    }
}
