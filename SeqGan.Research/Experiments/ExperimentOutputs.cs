using SeqGan.Research.Plotting;
using SeqGan.Research.Storage;

namespace SeqGan.Research.Experiments;

/// <summary>The files one reproduction writes into its output folder (atomically), in order, and the figures it skipped.</summary>
internal sealed class ExperimentOutputs
{
    private readonly string directory;
    private readonly List<string> files = [];
    private readonly List<string> skipped = [];

    public ExperimentOutputs(string directory)
    {
        this.directory = directory;
        Directory.CreateDirectory(directory);
    }

    public IReadOnlyList<string> Files => files.ToList();

    public IReadOnlyList<string> Skipped => skipped;

    public void Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        AtomicFile.WriteAllText(path, content);
        files.Add(path);
    }

    public void Add(IEnumerable<string> written) => files.AddRange(written);

    /// <summary><c>name.html</c> and <c>name.png</c>; a missing plotly.js or Chromium skips the file with its reason.</summary>
    public void Figure(string name, Figure figure)
    {
        var saved = figure.SaveHtmlAndPng(directory, name, skipMissingTools: true);
        files.AddRange(saved.Files);
        skipped.AddRange(saved.Skipped);
    }
}
