using System.CommandLine;
using SeqGan.Research.Data;
using SeqGan.Research.Models;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan eval oracle-nll --samples FILE`: scores any sample file under the paper's oracle,
/// so that samples from other implementations can be compared with ours.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var samples = new Option<string>("--samples") { Description = "token ids, one sequence per line, space-separated (the paper's save/*.txt format)", Required = true };
        var oracle = new Option<string?>("--oracle") { Description = "oracle parameters (.safetensors or the original .pkl); default: the paper's, found via SEQGAN_DATA_MIRROR, data/cache or shared/data" };
        var oracleNll = new Command("oracle-nll", "Mean per-token NLL of a sample file under the oracle (the paper's NLL-oracle)") { samples, oracle };
        oracleNll.SetAction(parse =>
        {
            var oraclePath = parse.GetValue(oracle) ?? PaperOracleFile.Find()
                ?? throw new FileNotFoundException("the paper's oracle parameters were not found: pass --oracle PATH, run `seqgan data fetch seqgan_oracle`, or set SEQGAN_DATA_MIRROR to a folder laid out like shared/data");
            using var model = OracleLstm.LoadPaperParameters(oraclePath);
            using var scope = Torch.NewDisposeScope();
            var tokens = TokenSequenceFile.ReadTensor(parse.GetValue(samples)!, model.Size.SequenceLength, model.Size.VocabularySize);
            var nll = model.MeanNegativeLogLikelihood(tokens);
            if (!double.IsFinite(nll))
                throw new InvalidDataException($"the NLL-oracle of {parse.GetValue(samples)} under {oraclePath} is {nll}, not a number that can be reported");
            Console.WriteLine($"{nll:F4}");
            Console.Error.WriteLine($"{tokens.Size(0)} sequences of {tokens.Size(1)} tokens scored by {oraclePath}");
            return 0;
        });
        return new Command("eval", "Evaluate samples with the kit's metrics") { oracleNll, EvalBleuCommand.Create() };
    }
}
