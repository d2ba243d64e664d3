using System.Globalization;
using System.Text;

namespace SeqGan.Research.Experiments;

/// <summary>One published operating point of Caccia et al.'s oracle frontier.</summary>
public sealed record CacciaPoint(string Method, string OperatingPoint, double InverseTemperature, double NllOracle, double NllTest, string Source);

/// <summary>
/// Caccia et al.'s published numbers on this oracle, read from their repository (pclucas14/GansFallingShort, commit
/// e6be915): csv/oracle/mle_cvt_{oracle,test}.csv (their figure's "MLE" curve) and seqgan_{oracle,test}.csv ("SeqGAN"),
/// as synthetic_data_experiments/notebooks/oracle_graphs.ipynb plots them. Their CSVs log each point at step int(100·α)
/// (oracle_eval.py:133), α multiplying the generator's logits (common/models.py:91-93). Their MLE curve covers α 0.70–2.50,
/// SeqGAN's 0.50–2.48; SeqGAN has no α = 1 point, so its nearest (1.01) stands for T = 1, as their notebook marks it.
/// </summary>
public static class CacciaReference
{
    private const string Mle = "csv/oracle/mle_cvt_{oracle,test}.csv";
    private const string SeqGan = "csv/oracle/seqgan_{oracle,test}.csv";

    public static IReadOnlyList<CacciaPoint> Points { get; } =
    [
        new("MLE", "T = 1", 1.00, 9.400471687316895, 7.609653472900391, Mle + " step 100"),
        new("SeqGAN", "T = 1", 1.01, 9.616864204406738, 9.21541690826416, SeqGan + " step 101"),
        // MLE cooled until its NLL-test is SeqGAN's T = 1 one: MatchedNllTest on their MLE curve, between steps 217 and 220.
        new("MLE", "matched NLL-test (SeqGAN's T = 1)", 2.1747, 6.063125358388581, 9.21541690826416, Mle + " interpolated"),
    ];

    /// <summary>Their MLE curve's lowest NLL-test (7.578 at α = 0.82): the best held-out fit any temperature gives it.</summary>
    public static CacciaPoint MleLowestNllTest { get; } = new("MLE", "lowest NLL-test", 0.82, 9.783966064453125, 7.578497886657715, Mle + " step 82");

    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("Caccia et al. 2020, published (pclucas14/GansFallingShort e6be915, csv/oracle; their generators differ from ours in size, see README):");
        text.AppendLine();
        text.AppendLine("| Method | operating point | α | NLL-oracle | NLL-test | source |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var p in Points.Append(MleLowestNllTest))
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {p.Method} | {p.OperatingPoint} | {p.InverseTemperature:0.00##} | {p.NllOracle:F3} | {p.NllTest:F3} | {p.Source} |"));
        return text.ToString();
    }
}
