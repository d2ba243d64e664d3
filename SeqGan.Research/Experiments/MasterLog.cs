using System.Globalization;

namespace SeqGan.Research.Experiments;

/// <summary>One logged evaluation of the original code: NLL-oracle after <see cref="EpochsTrained"/> epochs
/// (pretraining) or generator steps (adversarial phase).</summary>
public sealed record LoggedPoint(int EpochsTrained, double NllOracle);

/// <summary>
/// Master's training log (LantaoYu/SeqGAN e2b52fb <c>save/experiment-log.txt</c>), the one NLL-oracle curve the
/// original repository publishes. sequence_gan.py writes <c>epoch:\tE\tnll:\tX</c> after training epoch E (0-based,
/// <c>if epoch % 5 == 0</c>, sequence_gan.py:111-119), so the line for E = 0 is the model after one epoch, E = 5 after
/// six; the adversarial section logs after the generator step of iteration E (sequence_gan.py:142-157).
/// </summary>
public sealed record MasterLog(IReadOnlyList<LoggedPoint> Pretraining, IReadOnlyList<LoggedPoint> Adversarial)
{
    private const string PretrainingHeader = "pre-training...";
    private const string AdversarialHeader = "adversarial training...";

    /// <summary>Parses the log; any line that is neither a section header nor <c>epoch:\tE\tnll:\tX</c> is an error naming file and line.</summary>
    public static MasterLog Read(string path)
    {
        var pretraining = new List<LoggedPoint>();
        var adversarial = new List<LoggedPoint>();
        List<LoggedPoint>? section = null;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0) continue;
            if (text == PretrainingHeader) { section = pretraining; continue; }
            if (text == AdversarialHeader) { section = adversarial; continue; }
            var fields = text.Split('\t');
            if (section is null || fields.Length != 4 || fields[0] != "epoch:" || fields[2] != "nll:"
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var nll))
                throw new InvalidDataException($"{path}:{number}: expected '{PretrainingHeader}', '{AdversarialHeader}' or 'epoch:<TAB>E<TAB>nll:<TAB>X' (after a header), got '{text}'");
            // The original logs after training epoch E (0-based): E + 1 epochs (or generator steps) are done.
            section.Add(new LoggedPoint(epoch + 1, nll));
        }
        if (pretraining.Count == 0) throw new InvalidDataException($"{path}: no pretraining points (expected a '{PretrainingHeader}' section)");
        return new MasterLog(pretraining, adversarial);
    }
}
