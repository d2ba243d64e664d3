using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SeqGan.Research.Storage;

/// <summary>Writes a file so that readers see either the old content or the complete new one:
/// a kill mid-write leaves at most a stray temporary file, never a half-written target.</summary>
public static partial class AtomicFile
{
    public static void Write(string path, Action<Stream> writeContent)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        FileStream created;
        try
        {
            created = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            // Named by the file the caller asked for, not by the temporary beside it.
            throw new UnauthorizedAccessException($"cannot write {fullPath}: {e.Message}", e);
        }
        try
        {
            using (var stream = created)
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>Deletes the temporaries that killed writers left in <paramref name="directory"/> (those of processes
    /// no longer running; a live process may be writing its own). Returns how many were removed.</summary>
    public static int RemoveLeftovers(string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            var match = TemporaryName().Match(Path.GetFileName(path));
            if (!match.Success || ProcessLiveness.IsRunning(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))) continue;
            try
            {
                File.Delete(path);
                removed++;
            }
            catch (IOException)
            {
                // Gone meanwhile, or held: the next resume tries again.
            }
        }
        return removed;
    }

    /// <summary>.NAME.PID.GUID.tmp, as <see cref="Write"/> names its temporary.</summary>
    [GeneratedRegex(@"^\..+\.(\d{1,9})\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();
}
