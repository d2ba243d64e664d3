using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Experiments;

/// <summary>The synthetic world of one seed: the oracle, its training sample and a held-out test sample.</summary>
public sealed class OracleWorld : IDisposable
{
    public required OracleLstm Oracle { get; init; }
    public required Tensor Training { get; init; }
    public required Tensor Test { get; init; }
    /// <summary>"paper" (the original target_params) or "random(seed)".</summary>
    public required string OracleSource { get; init; }

    /// <summary>
    /// Loads the paper's oracle when the preset asks for it and <paramref name="paperOracleParameters"/> exists,
    /// else makes the seeded N(0, 1) oracle; then samples the training and test sets with the run's seed.
    /// </summary>
    public static OracleWorld Create(OraclePreset preset, int seed, Device device, string? paperOracleParameters)
    {
        OracleLstm oracle;
        string source;
        if (preset.UsePaperOracle && paperOracleParameters is not null && File.Exists(paperOracleParameters))
        {
            oracle = OracleLstm.LoadPaperParameters(paperOracleParameters, preset.Model.SequenceLength);
            if (oracle.Size with { SequenceLength = preset.Model.SequenceLength } != preset.Model)
                throw new ArgumentException($"preset {preset.Name}: model sizes {preset.Model} do not match the paper oracle's {oracle.Size}");
            source = "paper";
        }
        else
        {
            oracle = new OracleLstm(preset.Model, preset.RandomOracleSeed);
            source = $"random({preset.RandomOracleSeed})";
        }
        oracle.To(device).Eval();
        Torch.ManualSeed((ulong)seed);
        using var scope = Torch.NewDisposeScope();
        var training = oracle.Sample(preset.TrainingSequences, 2048);
        var test = oracle.Sample(preset.TestSequences, 2048);
        return new OracleWorld
        {
            Oracle = oracle,
            Training = scope.MoveToOuter(training).DetachFromDisposeScope(),
            Test = scope.MoveToOuter(test).DetachFromDisposeScope(),
            OracleSource = source,
        };
    }

    public void Dispose()
    {
        Oracle.Dispose();
        Training.Dispose();
        Test.Dispose();
    }
}
