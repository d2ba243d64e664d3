namespace SeqGan.Research.Storage;

/// <summary>
/// Checks a place the user named for results before anything is written there: an empty name, the filesystem root,
/// a file where a folder is meant (or a folder where a file is meant) and a folder that cannot be written are refused
/// with an error naming the option and the path, so a mistyped <c>--output</c> fails at once, not after hours of training.
/// </summary>
public static class OutputLocation
{
    /// <summary>The full path of the output folder <paramref name="path"/>, created and checked writable.</summary>
    /// <param name="option">how the user named it (e.g. <c>--output</c>), for the error</param>
    public static string PrepareFolder(string? path, string option)
    {
        var full = Check(path, option);
        if (Path.GetPathRoot(full) == full)
            throw new ArgumentException($"{option} '{path}' is the filesystem root: name a folder of its own for the results");
        if (File.Exists(full)) throw new ArgumentException($"{option} '{path}' is a file; name a folder (it will hold the results)");
        Directory.CreateDirectory(full);
        ProbeWritable(full);
        return full;
    }

    /// <summary>The full path of the output file <paramref name="path"/>, checked to be neither empty nor a folder.</summary>
    public static string CheckFile(string? path, string option)
    {
        var full = Check(path, option);
        if (Directory.Exists(full)) throw new ArgumentException($"{option} '{path}' is a folder; name the file to write");
        return full;
    }

    private static string Check(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"{option} is empty: name where to write");
        return Path.GetFullPath(path);
    }

    private static void ProbeWritable(string folder)
    {
        var probe = Path.Combine(folder, $".seqgan-write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
    }
}
