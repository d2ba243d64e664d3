using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>Where reproductions write when the caller names no folder: the library decides, the CLI and notebooks follow.</summary>
public static class OutputFolders
{
    /// <summary><c>out/EXPERIMENT-PRESET</c> under the working directory.</summary>
    public static string Default(string experiment, string preset) => Path.Combine("out", $"{experiment}-{preset}");

    /// <summary>The run options with checkpoints in <c>OUTPUT/checkpoints</c> unless they name a folder of their own.</summary>
    public static RunOptions WithCheckpoints(RunOptions? options, string outputDirectory)
    {
        options ??= new RunOptions();
        return options.CheckpointDirectory is null ? options with { CheckpointDirectory = Path.Combine(outputDirectory, "checkpoints") } : options;
    }
}
