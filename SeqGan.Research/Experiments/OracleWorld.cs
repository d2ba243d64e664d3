using SeqGan.Research.Data;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
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

    /// <summary>The shape the generator and discriminator are built for: the oracle's vocabulary, length and start token.</summary>
    public SequenceShape Shape => Oracle.Shape;

    /// <summary>
    /// The paper's oracle when the preset asks for it and the library finds its parameters (<see cref="PaperOracleFile.Find(string?)"/>:
    /// $SEQGAN_DATA_MIRROR, data/cache, shared/data; or <paramref name="paperOracleFile"/>), else the seeded N(0, 1) oracle
    /// of <see cref="OraclePreset.Model"/>'s sizes; then the training and test sets sampled with the run's seed.
    /// </summary>
    public static OracleWorld Create(OraclePreset preset, int seed, Device device, string? paperOracleFile = null)
    {
        var paperFile = preset.UsePaperOracle ? paperOracleFile ?? PaperOracleFile.Find() : null;
        OracleLstm oracle;
        string source;
        if (paperFile is not null)
        {
            if (!File.Exists(paperFile)) throw new FileNotFoundException($"the paper's oracle parameters are not at {paperFile}", paperFile);
            oracle = OracleLstm.LoadPaperParameters(paperFile, preset.Model.SequenceLength);
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
