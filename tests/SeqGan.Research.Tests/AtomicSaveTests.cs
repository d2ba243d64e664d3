using SeqGan.Research.Nn;
using SeqGan.Research.Storage;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Tests;

/// <summary>A save that fails part-way leaves the previous file byte for byte, and no temporary file.</summary>
public sealed class AtomicSaveTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("seqgan-atomic-");
    private readonly string path;

    public AtomicSaveTests() => path = Path.Combine(directory.FullName, "model.safetensors");

    public void Dispose() => directory.Delete(recursive: true);

    private string[] FilesInDirectory() => directory.GetFiles().Select(f => f.Name).Order().ToArray();

    [Fact]
    public void SaveThatFailsOnADisposedTensorLeavesTheOldFile()
    {
        using var scope = Torch.NewDisposeScope();
        Safetensors.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.From(new float[] { 1, 2, 3 }) });
        var before = File.ReadAllBytes(path);

        var disposed = Tensor.From(new float[] { 7, 8 });
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Safetensors.Save(path, new Dictionary<string, Tensor>
        {
            ["fine"] = Tensor.From(new float[] { 4, 5, 6, 7 }),
            ["gone"] = disposed,
        }));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.safetensors"], FilesInDirectory());
    }

    [Fact]
    public void WriteThatThrowsAfterWritingSomeBytesLeavesTheOldFile()
    {
        File.WriteAllText(path, "old content");
        var failure = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new content, half of it"u8);
            stream.Flush();
            throw new IOException("disk went away");
        }));

        Assert.Equal("disk went away", failure.Message);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal(["model.safetensors"], FilesInDirectory());
    }

    [Fact]
    public void SuccessfulSaveReplacesTheWholeFile()
    {
        using var scope = Torch.NewDisposeScope();
        // The second file is shorter: a write in place without truncation would leave a tail of the first.
        Safetensors.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.Zeros([64]), ["v"] = Tensor.Zeros([8]) });
        Safetensors.Save(path, new Dictionary<string, Tensor> { ["w"] = Tensor.From(new float[] { 9 }) });

        var loaded = Safetensors.Load(path);
        try
        {
            Assert.Equal(["w"], loaded.Keys);
            Assert.Equal([9f], loaded["w"].ToArray<float>());
        }
        finally
        {
            foreach (var t in loaded.Values) t.Dispose();
        }
        Assert.Equal(["model.safetensors"], FilesInDirectory());
    }
}
