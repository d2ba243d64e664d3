using SeqGan.Research.Metrics;
using SeqGan.Research.Models;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>The synthetic experiment's evaluation: NLL-oracle of <paramref name="samples"/> generated sequences on the
/// curve (Figure 2), NLL-test of the held-out real sequences at the end of every run (Table 1 prints it beside NLL-oracle).</summary>
public sealed class OracleEvaluator(OracleWorld world, int samples) : IEvaluator
{
    public IReadOnlyDictionary<string, double> Curve(ISequencePolicy generator) =>
        new Dictionary<string, double> { [OracleMetrics.NllOracleName] = OracleMetrics.NllOracle(generator, world.Oracle, samples) };

    public Evaluation Final(ISequencePolicy generator, EvaluationContext context) =>
        new(new Dictionary<string, double> { [OracleMetrics.NllTestName] = OracleMetrics.NllTest(generator, world.Test) }, []);
}
