using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

public sealed class SafetensorsRoundTripTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("seqgan-safetensors-");

    public void Dispose() => directory.Delete(recursive: true);

    private static readonly float[] SpecialFloats =
    [
        0f, -0f, 1.5f, float.Epsilon, -float.MaxValue, float.PositiveInfinity, float.NegativeInfinity,
        BitConverter.Int32BitsToSingle(0x7fc01234),  // a NaN with a payload: only a byte copy keeps it
    ];

    private static readonly double[] SpecialDoubles =
        [Math.PI, -0.0, double.Epsilon, double.MaxValue, BitConverter.Int64BitsToDouble(0x7ff8_0000_dead_beef), 1e-300];

    private static readonly long[] SpecialLongs = [long.MinValue, -1, 0, 1, long.MaxValue, 1L << 53 | 1];

    [Fact]
    public void F32F64AndI64TensorsAndMetadataSurviveBitExactly()
    {
        var path = Path.Combine(directory.FullName, "mixed.safetensors");
        using var scope = Torch.NewDisposeScope();
        var saved = new Dictionary<string, Tensor>
        {
            ["floats"] = Tensor.From(SpecialFloats, 2, 4),
            ["doubles"] = Tensor.From(SpecialDoubles, 3, 1, 2),
            ["longs"] = Tensor.From(SpecialLongs),
            ["scalar"] = Tensor.Scalar(-2.25f),
        };
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünïcödé, \"quoted\"" };

        Safetensors.Save(path, saved, metadata);
        var loaded = Safetensors.Load(path, out var loadedMetadata);
        try
        {
            Assert.Equal(saved.Keys.Order(), loaded.Keys.Order());
            foreach (var (name, tensor) in saved)
            {
                Assert.Equal(tensor.DType, loaded[name].DType);
                Assert.Equal(tensor.Shape, loaded[name].Shape);
                Assert.Equal(tensor.ToBytes(), loaded[name].ToBytes());
            }
            Assert.Equal(metadata, loadedMetadata);
        }
        finally
        {
            foreach (var t in loaded.Values) t.Dispose();
        }
    }

    [Fact]
    public void WrittenFileFollowsTheSafetensorsLayout()
    {
        // Read back by hand, not by our reader: a symmetric bug in Save and Load would pass a round trip.
        var path = Path.Combine(directory.FullName, "layout.safetensors");
        using var scope = Torch.NewDisposeScope();
        Safetensors.Save(path, new Dictionary<string, Tensor>
        {
            ["a"] = Tensor.From(new[] { 1.0f, -2.0f, 3.5f }),
            ["b"] = Tensor.From(SpecialLongs, 2, 3),
        }, new Dictionary<string, string> { ["k"] = "v" });

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength));
        var data = bytes.AsSpan(8 + headerLength);
        Assert.Equal("v", header.RootElement.GetProperty("__metadata__").GetProperty("k").GetString());

        var a = header.RootElement.GetProperty("a");
        Assert.Equal("F32", a.GetProperty("dtype").GetString());
        Assert.Equal([3L], a.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        var (aBegin, aEnd) = (a.GetProperty("data_offsets")[0].GetInt32(), a.GetProperty("data_offsets")[1].GetInt32());
        var expectedA = new byte[12];
        BinaryPrimitives.WriteSingleLittleEndian(expectedA.AsSpan(0), 1.0f);
        BinaryPrimitives.WriteSingleLittleEndian(expectedA.AsSpan(4), -2.0f);
        BinaryPrimitives.WriteSingleLittleEndian(expectedA.AsSpan(8), 3.5f);
        Assert.Equal(expectedA, data[aBegin..aEnd].ToArray());

        var b = header.RootElement.GetProperty("b");
        Assert.Equal("I64", b.GetProperty("dtype").GetString());
        Assert.Equal([2L, 3L], b.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
        var (bBegin, bEnd) = (b.GetProperty("data_offsets")[0].GetInt32(), b.GetProperty("data_offsets")[1].GetInt32());
        var longs = data[bBegin..bEnd].ToArray().Chunk(8).Select(c => BinaryPrimitives.ReadInt64LittleEndian(c)).ToArray();
        Assert.Equal(SpecialLongs, longs);
        Assert.Equal(data.Length, Math.Max(aEnd, bEnd));
    }

    [Fact]
    public void ReadsAFileWrittenByAnotherWriter()
    {
        // Unpadded header, tensors listed out of data order: both allowed by the format.
        var path = Path.Combine(directory.FullName, "foreign.safetensors");
        var data = new byte[8 + 16];
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(0), -42);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8), 0.5);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(16), -8.0);
        SafetensorsFiles.Write(path,
            """{"second":{"dtype":"F64","shape":[2],"data_offsets":[8,24]},"first":{"dtype":"I64","shape":[1,1],"data_offsets":[0,8]}}""",
            data);

        var loaded = Safetensors.Load(path);
        try
        {
            Assert.Equal([1L, 1L], loaded["first"].Shape);
            Assert.Equal([-42L], loaded["first"].ToArray<long>());
            Assert.Equal([0.5, -8.0], loaded["second"].ToArray<double>());
        }
        finally
        {
            foreach (var t in loaded.Values) t.Dispose();
        }
    }

    [Fact]
    public void ModuleSaveThenLoadRestoresEveryParameter()
    {
        var path = Path.Combine(directory.FullName, "oracle.safetensors");
        var config = new LstmModelSize(VocabularySize: 11, EmbeddingSize: 4, HiddenSize: 5, SequenceLength: 3);
        using var original = new OracleLstm(config, seed: 1);
        using var restored = new OracleLstm(config, seed: 2);
        Assert.NotEqual(original.Output.Weight.ToBytes(), restored.Output.Weight.ToBytes());

        original.Save(path, new Dictionary<string, string> { ["step"] = "7" });
        restored.Load(path);

        var expected = original.NamedParameters().ToList();
        var actual = restored.NamedParameters().ToList();
        Assert.Equal(expected.Select(p => p.Name), actual.Select(p => p.Name));
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].Parameter.ToBytes(), actual[i].Parameter.ToBytes());
        var header = Safetensors.ReadHeader(path);
        Assert.Equal(expected.Select(p => p.Name), header.Entries.Select(e => e.Name));
        Assert.Equal("7", header.Metadata["step"]);
    }

    [Fact]
    public void LoadingIntoAModuleOfAnotherShapeNamesTheFile()
    {
        var path = Path.Combine(directory.FullName, "small.safetensors");
        using var small = new OracleLstm(new LstmModelSize(VocabularySize: 11, EmbeddingSize: 4, HiddenSize: 5), seed: 1);
        using var large = new OracleLstm(new LstmModelSize(VocabularySize: 12, EmbeddingSize: 4, HiddenSize: 5), seed: 1);
        small.Save(path);
        var error = Assert.Throws<InvalidDataException>(() => large.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("embedding.weight", error.Message);
    }
}
