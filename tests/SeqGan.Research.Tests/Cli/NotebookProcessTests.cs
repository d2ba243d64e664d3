using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using SeqGan.Research.Tests.Notebooks;

namespace SeqGan.Research.Tests.Cli;

/// <summary>
/// `seqgan notebook run` in a process of its own, for what a cell can do to its process: spin without ever reaching
/// an interruption check (a time limit or SIGINT/SIGTERM must still end the run, and a second signal must not crash
/// the runner), call Environment.Exit, overflow the stack, or crash on another thread (the cells that finished must
/// be in the written notebook, and the cell the process died in marked).
/// </summary>
public class NotebookProcessTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    /// <summary>Leaves a file "started" beside the notebook, then never returns nor checks for interruption.</summary>
    private const string StuckCell = "System.IO.File.WriteAllText(\"started\", \"\");\nwhile (true) { }";

    [Fact]
    public void A_stuck_cell_over_its_timeout_ends_the_run_with_the_error_recorded()
    {
        using var notebook = new TestNotebook("stuck-timeout").Code(StuckCell).Code("Console.WriteLine(\"never\");");
        notebook.Write();
        using var run = SeqganProcess.Start(["notebook", "run", notebook.Path, "--cell-timeout", "2"]);

        var (exitCode, _, stderr) = run.WaitForExit(HangGuard);

        Assert.True(exitCode == 1, $"exit code {exitCode}; stderr:\n{stderr}");
        var error = Assert.Single(notebook.Outputs(0))!;
        Assert.Equal("CellTimeoutError", Text(error["ename"]));
        Assert.Contains("its thread was left running", Text(error["evalue"]));
        Assert.Empty(notebook.Outputs(1));
    }

    [Fact]
    public void SIGTERM_ends_a_run_whose_cell_is_stuck_keeping_the_finished_cells()
    {
        using var notebook = new TestNotebook("stuck-signal").Code("Console.WriteLine(\"finished\");").Code(StuckCell).Code("Console.WriteLine(\"never\");");
        notebook.Write();
        using var run = SeqganProcess.Start(["notebook", "run", notebook.Path]);
        WaitForFile(Path.Combine(notebook.Folder, "started"), run);

        run.Signal(PosixSignal.SIGTERM);
        var (exitCode, _, stderr) = run.WaitForExit(HangGuard);

        Assert.True(exitCode == 143, $"exit code {exitCode}; stderr:\n{stderr}");
        Assert.Equal("finished\n", TestNotebook.Text(Assert.Single(notebook.Outputs(0))!["text"]));
        var error = Assert.Single(notebook.Outputs(1))!;
        Assert.Equal("KeyboardInterrupt", Text(error["ename"]));
        Assert.Contains("its thread was left running", Text(error["evalue"]));
        Assert.Empty(notebook.Outputs(2));
    }

    [Fact]
    public void Repeated_signals_stop_at_once_without_crashing_the_runner()
    {
        using var notebook = new TestNotebook("stuck-signals").Code(StuckCell);
        notebook.Write();
        using var run = SeqganProcess.Start(["notebook", "run", notebook.Path]);
        WaitForFile(Path.Combine(notebook.Folder, "started"), run);

        run.Signal(PosixSignal.SIGINT);
        // Apart, or the kernel merges them into one pending signal.
        Thread.Sleep(300);
        run.Signal(PosixSignal.SIGINT);
        var (exitCode, _, stderr) = run.WaitForExit(HangGuard);

        Assert.True(exitCode == 130, $"exit code {exitCode}; stderr:\n{stderr}");
        Assert.Contains("stopping at once", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.Equal("KeyboardInterrupt", Text(Assert.Single(notebook.Outputs(0))!["ename"]));
    }

    [Fact]
    public void A_cell_that_ends_its_process_leaves_the_finished_cells_written_and_itself_marked()
    {
        var killers = new Dictionary<string, string>
        {
            ["exit"] = "Environment.Exit(3);",
            ["stack-overflow"] = "int Deeper(int n) => n < 0 ? 0 : Deeper(n + 1) + 1;\nDeeper(0)",
            ["thread-crash"] = "new System.Threading.Thread(() => throw new InvalidOperationException(\"boom\")).Start();\nSystem.Threading.Thread.Sleep(60_000);",
        };
        var notebooks = killers.ToDictionary(k => k.Key, k => new TestNotebook(k.Key).Code("Console.WriteLine(\"finished\");").Code(k.Value).Code("Console.WriteLine(\"never\");"));
        try
        {
            foreach (var notebook in notebooks.Values) notebook.Write();
            // Side by side: each process spends most of its time starting.
            var runs = notebooks.ToDictionary(n => n.Key, n => SeqganProcess.Start(["notebook", "run", n.Value.Path]));
            var ends = runs.ToDictionary(r => r.Key, r => r.Value.WaitForExit(HangGuard));
            foreach (var run in runs.Values) run.Dispose();

            Assert.Equal(3, ends["exit"].ExitCode);
            Assert.Contains("InvalidOperationException: boom", ends["thread-crash"].Stderr);
            foreach (var (name, notebook) in notebooks)
            {
                Assert.True(ends[name].ExitCode != 0, $"{name}: exit code 0");
                Assert.Equal("finished\n", TestNotebook.Text(Assert.Single(notebook.Outputs(0))!["text"]));
                var mark = Assert.Single(notebook.Outputs(1))!;
                Assert.Equal("NotFinished", Text(mark["ename"]));
                Assert.Empty(notebook.Outputs(2));
            }
        }
        finally
        {
            foreach (var notebook in notebooks.Values) notebook.Dispose();
        }
    }

    private static void WaitForFile(string path, SeqganProcess run)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} never appeared: {run.WaitForExit(TimeSpan.FromSeconds(1)).Stderr}");
            Thread.Sleep(50);
        }
        // The cell is inside its loop a moment after it wrote the file.
        Thread.Sleep(300);
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
