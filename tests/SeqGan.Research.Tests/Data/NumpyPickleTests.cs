using System.Text;
using SeqGan.Research.Data;

namespace SeqGan.Research.Tests.Data;

/// <summary>The pickle reader on hand-made pickles, and on broken ones: every defect is an
/// InvalidDataException that names the source and the byte position — never a crash or a wrong array.</summary>
public sealed class NumpyPickleTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("seqgan-pickle-");

    public void Dispose() => directory.Delete(recursive: true);

    private static string Py2Pickle => Path.Combine(TestData.Mirror, "seqgan_oracle", "original", "target_params.pkl");
    private static string Py3Pickle => Path.Combine(TestData.Mirror, "seqgan_oracle", "original", "target_params_py3.pkl");

    /// <summary>A Python-2 protocol-0 pickle of one float32 [2, 3] array, written the way Python 2 writes it
    /// (its data literal holds \x, \', \\, \n, \r, \t escapes and a raw "); checked with Python 3's
    /// pickle.loads(encoding='latin1') and numpy 1.24.</summary>
    private static byte[] ProtocolZeroPickle => Encoding.Latin1.GetBytes(string.Join('\n',
        "(lp0", "cnumpy.core.multiarray", "_reconstruct", "p1", "(cnumpy", "ndarray", "p2", "(I0", "tp3", "S'b'", "p4", "tp5", "Rp6",
        "(I1", "(I2", "I3", "tp7", "cnumpy", "dtype", "p8", "(S'f4'", "p9", "I0", "I1", "tp10", "Rp11",
        "(I3", "S'<'", "p12", "NNNI-1", "I-1", "I0", "tp13", "bI00",
        """S'\x00\x00\x80?\x00\x00 \xc0\'\\\nA\r\t"B\x00\x00\x00\x00\x00\x00P@'""",
        "p14", "tp15", "ba."));

    private static readonly uint[] ProtocolZeroBits = [1065353216, 3223322624, 1091197991, 1109526797, 0, 1078984704];

    /// <summary>pickle.dumps([numpy.arange(6, dtype='&lt;f4').reshape(2, 3)], protocol=3) from Python 3.11, numpy 1.24.</summary>
    private static byte[] ProtocolThreePickle => Convert.FromBase64String(
        "gANdcQBjbnVtcHkuY29yZS5tdWx0aWFycmF5Cl9yZWNvbnN0cnVjdApxAWNudW1weQpuZGFycmF5CnECSwCFcQNDAWJxBIdxBVJxBihLAUsCSwOGcQdjbnVtcHkKZHR5cGUKcQhYAgAAAGY0cQmJiIdxClJxCyhLA1gBAAAAPHEMTk5OSv////9K/////0sAdHENYolDGAAAAAAAAIA/AAAAQAAAQEAAAIBAAACgQHEOdHEPYmEu");

    [Fact]
    public void ReadsAProtocolZeroPickleWithEscapedData()
    {
        var array = Assert.Single(NumpyPickle.ReadFloat32ArrayList(ProtocolZeroPickle, "p0"));
        Assert.Equal([2L, 3L], array.Shape);
        Assert.Equal(ProtocolZeroBits, array.Values.Select(BitConverter.SingleToUInt32Bits).ToArray());
    }

    [Fact]
    public void ReadsAProtocolThreePickle()
    {
        var array = Assert.Single(NumpyPickle.ReadFloat32ArrayList(ProtocolThreePickle, "p3"));
        Assert.Equal([2L, 3L], array.Shape);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], array.Values);
    }

    [Fact]
    public void ReadsTheOraclesFifteenArraysFromBothPickles()
    {
        foreach (var path in new[] { Py2Pickle, Py3Pickle })
        {
            var arrays = NumpyPickle.ReadFloat32ArrayList(path);
            Assert.Equal(15, arrays.Count);
            Assert.Equal([5000L, 32L], arrays[0].Shape);
            Assert.Equal([32L, 5000L], arrays[13].Shape);
            Assert.Equal([5000L], arrays[14].Shape);
        }
    }

    [Fact]
    public void TruncatedPicklesAreRejectedAtEveryKindOfCut()
    {
        foreach (var (name, bytes) in new[] { ("p0", ProtocolZeroPickle), ("p3", ProtocolThreePickle) })
            for (var cut = 0; cut < bytes.Length; cut++)
            {
                var error = Assert.Throws<InvalidDataException>(() => NumpyPickle.ReadFloat32ArrayList(bytes[..cut], name));
                Assert.StartsWith($"{name}: ", error.Message);
            }
    }

    [Fact]
    public void ATruncatedOracleFileIsNamedInTheError()
    {
        foreach (var source in new[] { Py2Pickle, Py3Pickle })
        {
            var bytes = File.ReadAllBytes(source);
            var path = Path.Combine(directory.FullName, "cut-" + Path.GetFileName(source));
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var error = Assert.Throws<InvalidDataException>(() => NumpyPickle.ReadFloat32ArrayList(path));
            Assert.Contains(path, error.Message);
            Assert.Contains("truncated", error.Message);
        }
    }

    [Fact]
    public void AnUnsupportedOpcodeIsNamedWithItsPosition()
    {
        var bytes = ProtocolThreePickle;
        Assert.Equal((byte)']', bytes[2]);
        bytes[2] = (byte)'}'; // EMPTY_DICT
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickle.ReadFloat32ArrayList(bytes, "dict.pkl"));
        Assert.Equal("dict.pkl: opcode 0x7d '}' at byte 2 is not supported (this reader handles only pickled lists of numpy float32 arrays)", error.Message);
    }

    [Fact]
    public void AGlobalOtherThanNumpysIsRefusedBeforeAnythingRuns()
    {
        var bytes = Encoding.ASCII.GetBytes("cos\nsystem\n(S'echo hi'\ntR.");
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickle.ReadFloat32ArrayList(bytes, "evil.pkl"));
        Assert.Contains("global 'os.system' is not allowed", error.Message);
        Assert.Contains("opcode GLOBAL 0x63 'c' at byte 0", error.Message);
    }

    [Theory]
    [InlineData("X\u0002\0\0\0f4", "X\u0002\0\0\0f8", "dtype 'f8' is not supported")]
    [InlineData("X\u0001\0\0\0<", "X\u0001\0\0\0>", "byte order '>' is not supported")]
    [InlineData("\u0089\u0043\u0018", "\u0088\u0043\u0018", "Fortran-ordered arrays are not supported")]
    [InlineData("\u004b\u0002\u004b\u0003\u0086", "\u004b\u0002\u004b\u0004\u0086", "needs more than the 24 bytes")]
    [InlineData("\u004b\u0002\u004b\u0003\u0086", "\u004b\u0002\u004b\u0002\u0086", "needs 16 bytes of float32 data, found 24")]
    [InlineData("cnumpy\nndarray", "cnumpy\nmatrix", "global 'numpy.matrix' is not allowed")]
    public void ArraysOtherThanCOrderLittleEndianFloat32AreRefused(string original, string replacement, string expected)
    {
        var bytes = Replace(ProtocolThreePickle, Encoding.Latin1.GetBytes(original), Encoding.Latin1.GetBytes(replacement));
        var error = Assert.Throws<InvalidDataException>(() => NumpyPickle.ReadFloat32ArrayList(bytes, "odd.pkl"));
        Assert.Contains(expected, error.Message);
        Assert.Matches(@"at byte \d+\)$", error.Message);
    }

    [Fact]
    public void RandomByteDamageNeverEscapesAsAnythingButInvalidData()
    {
        var random = new Random(20170204);
        var original = File.ReadAllBytes(Py3Pickle);
        // The structure lies around the array boundaries; damage there exercises every opcode's checks.
        int[] regions = [0, 640_140, 644_280];
        for (var trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])original.Clone();
            var damaged = regions[trial % regions.Length] + random.Next(170);
            bytes[damaged] = (byte)random.Next(256);
            try
            {
                NumpyPickle.ReadFloat32ArrayList(bytes, "damaged.pkl");
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith("damaged.pkl: ", e.Message);
            }
        }
    }

    private static byte[] Replace(byte[] bytes, byte[] original, byte[] replacement)
    {
        var at = bytes.AsSpan().IndexOf(original);
        Assert.True(at >= 0, "pattern not found in the fixture");
        return [.. bytes.AsSpan(0, at), .. replacement, .. bytes.AsSpan(at + original.Length)];
    }
}
