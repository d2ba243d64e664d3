using System.Buffers.Binary;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>Every malformed file is an InvalidDataException that names the file — never a crash,
/// an out-of-range read, or a libtorch error far from the cause.</summary>
public sealed class SafetensorsCorruptFileTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("seqgan-corrupt-");

    public void Dispose() => directory.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(directory.FullName, name);

    private static InvalidDataException AssertRejected(string path)
    {
        var error = Assert.Throws<InvalidDataException>(() => Safetensors.Load(path));
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void TruncatedFilesAreRejectedAtEveryCut()
    {
        var good = PathOf("good.safetensors");
        using (Torch.NewDisposeScope())
            Safetensors.Save(good, new Dictionary<string, Tensor> { ["w"] = Tensor.From(new double[] { 1, 2, 3, 4 }, 2, 2) });
        var bytes = File.ReadAllBytes(good);
        var headerLength = (int)BinaryPrimitives.ReadInt64LittleEndian(bytes);

        // Inside the length field, inside the JSON header, and one byte short of the data.
        foreach (var cut in new[] { 0, 5, 8 + headerLength / 2, bytes.Length - 1 })
        {
            var path = PathOf($"cut-{cut}.safetensors");
            File.WriteAllBytes(path, bytes[..cut]);
            var error = AssertRejected(path);
            Assert.Contains("truncated", error.Message);
        }
    }

    [Fact]
    public void OffsetsEndingBeyondTheDataAreRejected()
    {
        var path = PathOf("beyond.safetensors");
        SafetensorsFiles.Write(path, """{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", new byte[8]);
        var error = AssertRejected(path);
        Assert.Contains("'w' ends at byte 16", error.Message);
    }

    [Fact]
    public void OffsetsSpanningOtherThanTheShapeAreRejected()
    {
        var path = PathOf("span.safetensors");
        SafetensorsFiles.Write(path, """{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", new byte[8]);
        var error = AssertRejected(path);
        Assert.Contains("needs 12 bytes", error.Message);
    }

    [Fact]
    public void ARepeatedTensorNameIsRejected()
    {
        var path = PathOf("repeated.safetensors");
        SafetensorsFiles.Write(path,
            """{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"w":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}""",
            new byte[16]);
        var error = AssertRejected(path);
        Assert.Contains("names 'w' twice", error.Message);
    }

    [Fact]
    public void OverlappingTensorsAreRejected()
    {
        var path = PathOf("overlap.safetensors");
        SafetensorsFiles.Write(path,
            """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""",
            new byte[12]);
        var error = AssertRejected(path);
        Assert.Contains("overlaps", error.Message);
    }

    [Theory]
    [InlineData("BF16")]
    [InlineData("F8_E4M3")]
    [InlineData("f32")]
    public void UnknownDtypesAreRejected(string dtype)
    {
        var path = PathOf($"dtype-{dtype}.safetensors");
        SafetensorsFiles.Write(path, $$$"""{"w":{"dtype":"{{{dtype}}}","shape":[2],"data_offsets":[0,4]}}""", new byte[4]);
        var error = AssertRejected(path);
        Assert.Contains($"'{dtype}'", error.Message);
    }

    [Theory]
    [InlineData("""{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}}""", 8)]
    // 2^61 elements of 8 bytes wrap to 0 bytes in 64-bit arithmetic: it must not look like an empty tensor.
    [InlineData("""{"w":{"dtype":"F64","shape":[2305843009213693952],"data_offsets":[0,0]}}""", 0)]
    public void ShapesWhoseByteSizeOverflowsAreRejected(string header, int dataLength)
    {
        var path = PathOf("overflow.safetensors");
        SafetensorsFiles.Write(path, header, new byte[dataLength]);
        AssertRejected(path);
    }

    [Theory]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":["0",8]}}""")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,null]}}""")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2]}}""")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}}""")]
    [InlineData("""{"w":[1,2]}""")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}""")]
    [InlineData("""[]""")]
    public void MalformedHeadersAreRejected(string header)
    {
        var path = PathOf("malformed.safetensors");
        SafetensorsFiles.Write(path, header, new byte[8]);
        AssertRejected(path);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(1L << 40)]
    public void ImplausibleHeaderLengthsAreRejected(long headerLength)
    {
        var path = PathOf("length.safetensors");
        var bytes = new byte[64];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, headerLength);
        File.WriteAllBytes(path, bytes);
        AssertRejected(path);
    }
}
