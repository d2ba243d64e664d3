using System.Runtime.InteropServices;
using SeqGan.Research.Data;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests.Data;

/// <summary>The oracle's public source (the pickle) and its safetensors conversion are the same oracle.</summary>
public sealed class PaperOracleParametersTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("seqgan-oracle-file-");

    public void Dispose() => directory.Delete(recursive: true);

    private static string Original(string name) => Path.Combine(TestData.Mirror, "seqgan_oracle", "original", name);

    [Theory]
    [InlineData("target_params.pkl")]
    [InlineData("target_params_py3.pkl")]
    public void PickleTensorsAreBitIdenticalToTheSafetensors(string pickle)
    {
        var expected = Safetensors.Load(TestData.OracleParameters);
        var actual = PaperOracleParameters.Load(Original(pickle));
        try
        {
            Assert.Equal(PaperOracleParameters.Names.Order(), actual.Keys.Order());
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var name in PaperOracleParameters.Names)
            {
                Assert.Equal(expected[name].Shape, actual[name].Shape);
                Assert.Equal(DType.Float32, actual[name].DType);
                var want = expected[name].ToArray<float>();
                var got = actual[name].ToArray<float>();
                Assert.True(MemoryMarshal.AsBytes(want.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(got.AsSpan())), $"{name} differs");
            }
        }
        finally
        {
            foreach (var t in expected.Values.Concat(actual.Values)) t.Dispose();
        }
    }

    [Fact]
    public void TheOracleLoadedFromThePickleScoresTheReferenceSampleAt5_7609()
    {
        using var scope = Torch.NewDisposeScope();
        using var oracle = OracleLstm.LoadPaperParameters(Original("target_params.pkl"));
        var tokens = TokenSequenceFile.ReadTensor(TestData.OracleRealData, 20, 5000);
        // Batches of 64 (the paper's) keep the [B, 20, 5000] log-probabilities in cache: about 3x faster on a
        // CPU than the default 1,024, same value.
        Assert.InRange(oracle.MeanNegativeLogLikelihood(tokens, batchSize: 64), 5.7609 - 0.001, 5.7609 + 0.001);
    }

    [Fact]
    public void AnUnknownExtensionOrArrayCountIsAClearError()
    {
        var renamed = Path.Combine(directory.FullName, "target_params.bin");
        File.Copy(Original("target_params_py3.pkl"), renamed);
        Assert.Contains("expected .safetensors or .pkl", Assert.Throws<ArgumentException>(() => PaperOracleParameters.Load(renamed)).Message);

        var arrays = NumpyPickle.ReadFloat32ArrayList(Original("target_params_py3.pkl"));
        var error = Assert.Throws<InvalidDataException>(() => PaperOracleParameters.FromArrays(arrays.Take(14).ToList(), "short.pkl"));
        Assert.Contains("short.pkl: holds 14 arrays, expected the oracle's 15", error.Message);
    }

    [Fact]
    public void FindFallsBackToThePickleWhenTheCacheHasOnlyThePublicFiles()
    {
        var start = directory.FullName;
        var cached = Path.Combine(start, "data", "cache", "seqgan_oracle", "original", "target_params.pkl");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.Copy(Original("target_params.pkl"), cached);
        Assert.Equal(cached, PaperOracleFile.Find(start, mirror: null));

        // A mirror comes first, and its safetensors before its pickles.
        Assert.Equal(TestData.OracleParameters, PaperOracleFile.Find(start, TestData.Mirror));
    }

    [Fact]
    public void FindRefusesAnOracleFileThatDiffersFromTheCatalog()
    {
        var start = directory.FullName;
        var cached = Path.Combine(start, "data", "cache", "seqgan_oracle", "target_params.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        var bytes = File.ReadAllBytes(TestData.OracleParameters);
        bytes[^1] ^= 0x40;
        File.WriteAllBytes(cached, bytes);
        var error = Assert.Throws<InvalidDataException>(() => PaperOracleFile.Find(start, mirror: null));
        Assert.Contains(cached, error.Message);
        Assert.Contains("sha256 expected 0fef80c4a7fdbd72f7662669a6e5e8f71e7d83a282ae539e07a13f3684d46fd8", error.Message);
    }
}
