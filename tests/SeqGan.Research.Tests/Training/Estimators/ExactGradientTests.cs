using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training.Estimators;

namespace SeqGan.Research.Tests.Training.Estimators;

public class ExactGradientTests
{
    private static readonly LstmModelSize Size = new(VocabularySize: 4, EmbeddingSize: 3, HiddenSize: 3, SequenceLength: 4);

    [Fact]
    public void ProbabilitiesOfTheWholeSpaceSumToOne()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(21);
        using var generator = new Generator(Size, initStd: 1.0);
        var sequences = new SequenceSpace(4, 4).Enumerate();
        Assert.Equal(1.0, ExactGradient.Probabilities(generator, sequences).Sum().Item(), 5);
    }

    [Fact]
    public void TheExpectedRewardGradientMatchesFiniteDifferences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(22);
        using var generator = GradientCheck.InFloat64(new Generator(Size, initStd: 1.0));
        var sequences = new SequenceSpace(4, 4).Enumerate();
        var rewards = Tensor.Rand([sequences.Size(0)], DType.Float64);
        var (value, gradient) = ExactGradient.ExpectedReward(generator, sequences, rewards);

        double J()
        {
            using var inner = Torch.NewDisposeScope();
            return (ExactGradient.Probabilities(generator, sequences) * rewards).Sum().Item();
        }
        Assert.Equal(J(), value, 12);
        var parameters = generator.Parameters().ToList();
        var offset = 0;
        var checkedCoordinates = 0;
        foreach (var parameter in parameters)
        {
            var count = (int)parameter.NumberOfElements;
            for (var k = 0; k < count; k += Math.Max(1, count / 4))
            {
                var original = parameter.ToArray<double>();
                double At(double delta)
                {
                    var values = (double[])original.Clone();
                    values[k] += delta;
                    using (Torch.NoGrad()) parameter.CopyInPlace(Tensor.From(values, parameter.Shape));
                    return J();
                }
                var numeric = (At(1e-6) - At(-1e-6)) / 2e-6;
                At(0);
                Assert.True(Math.Abs(numeric - gradient[offset + k]) < 1e-6 * Math.Max(1, Math.Abs(numeric)),
                    $"coordinate {offset + k}: exact {gradient[offset + k]:R}, finite difference {numeric:R}");
                checkedCoordinates++;
            }
            offset += count;
        }
        Assert.Equal(gradient.Length, offset);
        Assert.True(checkedCoordinates > 20);
    }
}
