using System.Buffers.Binary;
using System.IO.Compression;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>
/// A minimal PNG decoder for checking rendered figures: 8-bit greyscale, grey+alpha, RGB or RGBA,
/// non-interlaced — what Chromium's screenshots are. Pixels come back as RGBA.
/// </summary>
public sealed class PngImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] rgba;

    private PngImage(int width, int height, byte[] rgba) => (Width, Height, this.rgba) = (width, height, rgba);

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = 4 * (y * Width + x);
            return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < rgba.Length; i += 4) yield return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }

    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            offset += 12 + length; // length, type, data, CRC
        }
        if (bitDepth != 8 || interlace != 0) throw new NotSupportedException($"bit depth {bitDepth}, interlace {interlace}");
        var channels = colorType switch { 0 => 1, 4 => 2, 2 => 3, 6 => 4, _ => throw new NotSupportedException($"colour type {colorType}") };

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        if (raw.Length < height * (stride + 1)) throw new InvalidDataException("truncated image data");

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                row[i] = (byte)(source[i] + predictor);
            }
        }

        var rgba = new byte[width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            var s = p * channels;
            var (r, g, b, a) = colorType switch
            {
                0 => (pixels[s], pixels[s], pixels[s], (byte)255),
                4 => (pixels[s], pixels[s], pixels[s], pixels[s + 1]),
                2 => (pixels[s], pixels[s + 1], pixels[s + 2], (byte)255),
                _ => (pixels[s], pixels[s + 1], pixels[s + 2], pixels[s + 3]),
            };
            (rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2], rgba[4 * p + 3]) = (r, g, b, a);
        }
        return new PngImage(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
