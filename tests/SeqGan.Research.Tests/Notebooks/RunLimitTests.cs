using SeqGan.Research.Notebooks;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>
/// The runner's time limits and stop requests, in process, with cells that reach the kit's interruption check (the
/// runner can stop those; a cell that never checks needs its own process: see NotebookProcessTests). Whatever stops a
/// run, the written notebook keeps the finished cells and says on the cell that was running why it stopped.
/// </summary>
public class RunLimitTests
{
    /// <summary>Spins until asked to stop, checking like the kit's training loops do between batches.</summary>
    private const string CooperativeLoop = "while (true) { System.Threading.Thread.Sleep(10); SeqGan.Research.Interruption.ThrowIfRequested(); }";

    [Fact]
    public async Task A_cell_over_its_timeout_fails_the_run_there_and_the_cells_before_it_are_kept()
    {
        using var notebook = new TestNotebook("cell-timeout").Code("Console.WriteLine(\"finished\");").Code(CooperativeLoop).Code("Console.WriteLine(\"never\");");
        var options = new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(2) };

        var result = await notebook.RunAsync(options);

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal("CellTimeoutError", failure.ErrorName);
        Assert.Equal(1, failure.CellIndex);
        Assert.Equal("the cell ran longer than its timeout (2 s)", failure.ErrorValue);
        Assert.Equal("finished\n", TestNotebook.Text(Assert.Single(notebook.Outputs(0))!["text"]));
        Assert.Equal("CellTimeoutError", Assert.Single(notebook.Outputs(1))!["ename"]!.GetValue<string>());
        Assert.Empty(notebook.Outputs(2));
    }

    [Fact]
    public async Task The_run_timeout_stops_the_cell_running_when_it_is_reached()
    {
        using var notebook = new TestNotebook("run-timeout").Code("var x = 1;").Code(CooperativeLoop).Code("x + 1");
        var options = new NotebookRunOptions { RunTimeout = TimeSpan.FromSeconds(3) };

        var result = await notebook.RunAsync(options);

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal("CellTimeoutError", failure.ErrorName);
        Assert.StartsWith("the run reached its timeout (3 s)", failure.ErrorValue);
        Assert.Empty(notebook.Outputs(2));
    }

    [Fact]
    public async Task A_stop_request_writes_the_notebook_with_an_interrupt_error_on_the_running_cell()
    {
        using var notebook = new TestNotebook("stopped").Code("Console.WriteLine(\"finished\");")
            .Code("System.IO.File.WriteAllText(\"started\", \"\");\n" + CooperativeLoop).Code("Console.WriteLine(\"never\");");
        notebook.Write();
        using var stop = new CancellationTokenSource();
        var started = Path.Combine(notebook.Folder, "started");
        var run = new NotebookRunner().RunFileAsync(notebook.Path, cancellationToken: stop.Token);
        while (!File.Exists(started) && !run.IsCompleted) await Task.Delay(20);
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal("finished\n", TestNotebook.Text(Assert.Single(notebook.Outputs(0))!["text"]));
        var error = Assert.Single(notebook.Outputs(1))!;
        Assert.Equal("KeyboardInterrupt", error["ename"]!.GetValue<string>());
        Assert.Equal("the run was stopped while this cell ran", error["evalue"]!.GetValue<string>());
        Assert.Empty(notebook.Outputs(2));
    }

    [Fact]
    public async Task The_notebook_on_disk_holds_every_finished_cell_while_the_next_one_runs()
    {
        // The second cell reads the executed notebook as a crash at that moment would leave it.
        using var notebook = new TestNotebook("written-as-it-runs").Code("Console.WriteLine(\"first done\");")
            .Code("System.IO.File.ReadAllText(\"written-as-it-runs.executed.ipynb\")");

        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var onDisk = TestNotebook.Text(Assert.Single(notebook.Outputs(1))!["data"]!["text/plain"]);
        Assert.Contains("first done", onDisk);
        Assert.Contains("NotFinished", onDisk);
        Assert.Contains("the process ended while this cell ran", onDisk);
        // Once the cell finished, its mark is gone: its only output is its value.
        Assert.Equal("execute_result", Assert.Single(notebook.Outputs(1))!["output_type"]!.GetValue<string>());
    }
}
