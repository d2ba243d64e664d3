using System.Buffers.Binary;
using System.Text;

namespace SeqGan.Research.Tests;

/// <summary>Writes safetensors files byte by byte, so tests can build ones our writer never would.</summary>
internal static class SafetensorsFiles
{
    public static void Write(string path, string headerJson, byte[] data)
    {
        var header = Encoding.UTF8.GetBytes(headerJson);
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        File.WriteAllBytes(path, bytes);
    }
}
