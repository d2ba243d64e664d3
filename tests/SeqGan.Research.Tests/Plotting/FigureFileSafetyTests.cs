using SeqGan.Research.Cli;
using SeqGan.Research.Plotting;

namespace SeqGan.Research.Tests.Plotting;

/// <summary>
/// Figures are written atomically (a kill leaves the old file or the new one), renders clean up after killed runs,
/// and a Chromium that crashes is treated like a missing one: the figure is skipped with a warning, nothing else fails.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public partial class FigureFileSafetyTests
{
    private static readonly Figure Line = new Figure().WithTitle("safety").Add(new ScatterTrace([0, 1, 2], [1, 3, 2]) { Name = "MLE" });

    [Fact]
    public void Saving_replaces_the_file_instead_of_writing_into_it()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-atomic-figure-").FullName;
        try
        {
            foreach (var (name, save) in new (string, Func<string, string>)[] { ("figure.html", Line.SaveHtml), ("figure.png", path => Line.SavePng(path, 160, 120)) })
            {
                var path = Path.Combine(directory, name);
                File.WriteAllText(path, "old");
                // A second name for the old file's inode: written in place, it would change too.
                var oldInode = Path.Combine(directory, name + ".old");
                Link(path, oldInode);

                save(path);

                Assert.Equal("old", File.ReadAllText(oldInode));
                Assert.NotEqual("old", File.ReadAllText(path));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_render_removes_the_work_folders_that_killed_processes_left()
    {
        var temp = Path.GetTempPath();
        var killed = Directory.CreateDirectory(Path.Combine(temp, $"seqgan-png-{DeadProcess.Id()}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(Path.Combine(killed.FullName, "profile", "Default"));
        var running = Directory.CreateDirectory(Path.Combine(temp, $"seqgan-png-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            Line.ToPng(160, 120);

            Assert.False(Directory.Exists(killed.FullName), $"{killed.FullName} was left");
            Assert.True(Directory.Exists(running.FullName), "the work folder of a running process was removed");
        }
        finally
        {
            if (killed.Exists) killed.Delete(recursive: true);
            running.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_crashing_Chromium_skips_the_figure_with_a_warning_as_a_missing_one_does()
    {
        var directory = Directory.CreateTempSubdirectory("seqgan-crashing-chromium-").FullName;
        var crashing = Path.Combine(directory, "chromium");
        File.WriteAllText(crashing, "#!/bin/sh\necho 'Received signal 11 SEGV_MAPERR' >&2\nkill -SEGV $$\n");
        File.SetUnixFileMode(crashing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var previous = Environment.GetEnvironmentVariable(PlotlyAssets.ChromiumVariable);
        var originalError = Console.Error;
        var stderr = new StringWriter();
        Environment.SetEnvironmentVariable(PlotlyAssets.ChromiumVariable, crashing);
        Console.SetError(stderr);
        try
        {
            var error = Assert.Throws<PlottingSetupException>(() => Line.SavePng(Path.Combine(directory, "direct.png")));
            Assert.Contains("killed by signal 11", error.Message);

            var written = Line.SaveHtmlAndPng(directory, "figure", skipMissingTools: true);

            Assert.Equal([Path.Combine(directory, "figure.html")], written.Files);
            Assert.False(File.Exists(Path.Combine(directory, "figure.png")));
            Assert.Contains("figure.png not written: headless Chromium", Assert.Single(written.Skipped));
        }
        finally
        {
            Console.SetError(originalError);
            Environment.SetEnvironmentVariable(PlotlyAssets.ChromiumVariable, previous);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Link(string existing, string newName)
    {
        if (LinkNative(existing, newName) != 0) throw new IOException($"link({existing}, {newName}) failed");
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "link", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int LinkNative(string existing, string newName);
}
