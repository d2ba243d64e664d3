using SeqGan.Research.Cli;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;
using SeqGan.Research.Tests.Cli;

namespace SeqGan.Research.Tests;

/// <summary>
/// Numbers that are not numbers: sampling from NaN, infinite or negative weights raises (as torch.multinomial does)
/// instead of returning the last token forever; a model with NaN weights cannot sample; an oracle with non-finite
/// parameters cannot score (no "NaN" with exit code 0).
/// </summary>
public class NonFiniteNumberTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Every_sampler_refuses_a_row_that_is_not_a_distribution(float poison)
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(3);
        var logits = Tensor.Randn([6, 50]);
        var values = logits.ToArray<float>();
        // Row 4: one poisoned entry (minus infinity everywhere: no possible token at all).
        if (float.IsNegativeInfinity(poison)) Array.Fill(values, poison, 4 * 50, 50);
        else values[4 * 50 + 17] = poison;
        var poisoned = Tensor.From(values, 6, 50);
        var uniforms = Tensor.Rand([6]);

        AssertRefused(() => poisoned.SampleRows(areLogits: true), "sample_rows: row 4");
        AssertRefused(() => poisoned.SampleRows(uniforms, areLogits: true), "sample_rows: row 4");
        // The fused path: a poisoned projection column (or, for minus infinity, a bias that rules out every token).
        var weightValues = Tensor.Randn([8, 50]).ToArray<float>();
        if (!float.IsNegativeInfinity(poison)) weightValues[17] = poison;
        var bias = float.IsNegativeInfinity(poison) ? Tensor.Full([50], poison) : Tensor.Zeros([50]);
        var hidden = Tensor.Rand([6, 8]) + 0.5;
        AssertRefused(() => hidden.SampleFromHidden(Tensor.From(weightValues, 8, 50), bias, uniforms), "sample_from_hidden: row 0");
    }

    [Fact]
    public void Probabilities_with_a_negative_weight_are_refused()
    {
        using var scope = Torch.NewDisposeScope();
        var probabilities = Tensor.From(new[] { 0.2f, 0.8f, 0.5f, -0.1f, 0.6f, 0f }, 2, 3);
        AssertRefused(() => probabilities.SampleRows(), "sample_rows: row 1");
        AssertRefused(() => probabilities.SampleRows(Tensor.Rand([2]), areLogits: false), "sample_rows: row 1");
        AssertRefused(() => Tensor.Zeros([2, 3]).SampleRows(), "sample_rows: row 0");
        // A valid distribution still samples.
        Assert.Equal([1L, 1L], Tensor.From(new[] { 0f, 1f, 0f, 0f, 1f, 0f }, 2, 3).SampleRows().ToArray<long>());
    }

    [Fact]
    public void A_generator_with_nan_weights_cannot_sample()
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(new LstmModelSize(VocabularySize: 30, EmbeddingSize: 4, HiddenSize: 4, SequenceLength: 6));
        using (Torch.NoGrad()) generator.Output.Weight.FillInPlace(double.NaN);

        AssertRefused(() => generator.Sample(8), "is not a probability distribution");
        Assert.Equal("output.W", generator.FirstNonFiniteParameter());
    }

    [Fact]
    public void An_oracle_with_non_finite_parameters_is_refused_naming_the_tensor()
    {
        var folder = Directory.CreateTempSubdirectory("seqgan-nan-oracle-").FullName;
        try
        {
            var broken = Path.Combine(folder, "oracle.safetensors");
            var tensors = Safetensors.Load(TestData.OracleParameters);
            try
            {
                using (Torch.NoGrad()) tensors["lstm.W_o"].FillInPlace(double.PositiveInfinity);
                Safetensors.Save(broken, tensors);
            }
            finally
            {
                foreach (var t in tensors.Values) t.Dispose();
            }

            var (_, output, error) = CliInvocation.Run([EvalCommand.Create()], ["eval", "oracle-nll", "--samples", TestData.OracleRealData, "--oracle", broken]);

            var refused = Assert.IsType<InvalidDataException>(error);
            Assert.Contains(broken, refused.Message);
            Assert.Contains("'lstm.W_o' holds NaN or infinite values", refused.Message);
            Assert.Equal("", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertRefused(Func<Tensor> sample, string expected)
    {
        var error = Assert.Throws<TorchException>(() => sample());
        Assert.Contains(expected, error.Message);
    }
}
