using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// `seqgan kernel` driven by Jupyter's own client (jupyter_client, as JupyterLab and VS Code use it) through
/// kernel_session.py: outputs, errors, interruption of a training loop, completion, inspection, and messages a
/// kernel must survive. One kernel process serves the whole session, to keep the test short. Also: a kernel whose
/// front end died exits by itself.
/// </summary>
public sealed class JupyterKernelTests : IDisposable
{
    private readonly JupyterEnvironment jupyter = new();

    [Fact]
    public void Serves_a_jupyter_client_session()
    {
        var log = Path.Combine(jupyter.Folder, "kernel-stderr.log");
        var script = Path.Combine(AppContext.BaseDirectory, "Notebooks", "Jupyter", "kernel_session.py");
        var (exitCode, stdout, stderr) = jupyter.Run(JupyterEnvironment.Python, [script, JupyterEnvironment.KernelName, log], TimeSpan.FromMinutes(3));
        var kernelLog = File.Exists(log) ? File.ReadAllText(log) : "";
        Assert.True(exitCode == 0, $"kernel_session.py failed:\n{stderr}\nkernel stderr:\n{kernelLog}");
        var report = JsonNode.Parse(stdout)!;

        Assert.Equal("csharp", Text(report["kernel_info"]!["language_info"]!["name"]));
        Assert.Equal("5.3", Text(report["kernel_info"]!["protocol_version"]));

        var hello = report["hello"]!;
        Assert.Equal("ok", Text(hello["reply"]!["status"]));
        Assert.Contains(Outputs(hello, "stream"), o => Text(o["text"]) == "hello from C#\n" && Text(o["name"]) == "stdout");
        Assert.Contains(Outputs(hello, "execute_result"), o => Text(o["data"]!["text/plain"]) == "42" && o["execution_count"]!.GetValue<int>() == 1);

        // Console text is gathered into few stream messages, complete and in order.
        var lines = Outputs(report["many_lines"]!, "stream").ToList();
        Assert.Equal(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i}\n")), string.Concat(lines.Select(o => Text(o["text"]))));
        Assert.True(lines.Count < 100, $"2000 lines took {lines.Count} stream messages");

        var failing = report["failing"]!;
        Assert.Equal("error", Text(failing["reply"]!["status"]));
        var error = Assert.Single(Outputs(failing, "error"));
        Assert.Equal("InvalidOperationException", Text(error["ename"]));
        Assert.Equal("this cell fails on purpose", Text(error["evalue"]));

        // display(...).Update(...) redraws the same output: update_display_data with the display's id.
        var shown = Assert.Single(Outputs(report["display_update"]!, "display_data"));
        var updated = Assert.Single(Outputs(report["display_update"]!, "update_display_data"));
        Assert.Equal("<b>first</b>", Text(shown["data"]!["text/html"]));
        Assert.Equal("<b>second</b>", Text(updated["data"]!["text/html"]));
        Assert.Equal(Text(shown["transient"]!["display_id"]), Text(updated["transient"]!["display_id"]));

        // "Run All" stops at the failing cell: the execute requests queued behind it are aborted, not run.
        Assert.Equal(["error", "aborted", "aborted"], report["run_all_after_error"]!.AsArray().Select(Text));

        Assert.Equal("ok", Text(report["setup"]!["reply"]!["status"]));
        var interrupt = report["interrupt"]!;
        Assert.True(interrupt["started"]!.GetValue<bool>(), "the long cell never started training");
        Assert.Equal("error", Text(interrupt["reply"]!["status"]));
        Assert.Equal("KeyboardInterrupt", Text(interrupt["reply"]!["ename"]));
        Assert.True(interrupt["seconds_to_stop"]!.GetValue<double>() < 10, $"the interrupted cell took {interrupt["seconds_to_stop"]} s to stop");
        Assert.Equal("KeyboardInterrupt", Text(Assert.Single(interrupt["errors"]!.AsArray())!["ename"]));
        // The kernel lives on, with the state of the cells before the interrupted one.
        Assert.Contains(Outputs(report["after_interrupt"]!, "execute_result"), o => Text(o["data"]!["text/plain"]) == "50");

        Assert.Contains("Sample", Matches(report["complete_member"]!));
        Assert.Equal(10, report["complete_member"]!["cursor_start"]!.GetValue<int>());
        Assert.Contains("generator", Matches(report["complete_name"]!));
        Assert.True(report["inspect"]!["found"]!.GetValue<bool>());
        Assert.Contains("MleTraining.TrainEpoch(", Text(report["inspect"]!["data"]!["text/plain"]));
        Assert.Contains("One pass over", Text(report["inspect"]!["data"]!["text/plain"]));   // its doc summary, from SeqGan.Research.xml
        Assert.Equal("incomplete", Text(report["is_complete_open"]!["status"]));
        Assert.Equal("complete", Text(report["is_complete_done"]!["status"]));

        var badInput = report["bad_input"]!;
        Assert.False(badInput["reply_to_wrong_signature"]!.GetValue<bool>(), "the kernel answered a message signed with another key");
        Assert.False(badInput["reply_to_malformed"]!.GetValue<bool>());
        Assert.True(badInput["answers_after_bad_input"]!.GetValue<bool>(), $"the kernel stopped answering after bad input:\n{kernelLog}");
        Assert.Equal("ok", Text(report["alive_after_bad_input"]));
        Assert.Contains("dropped a message on shell: bad signature", kernelLog);
        Assert.Contains("dropped a message on shell: the header is not valid JSON", kernelLog);

        Assert.True(report["exited_on_shutdown_request"]!.GetValue<bool>(), "the kernel did not exit on shutdown_request");
    }

    [Fact]
    public void Exits_when_the_front_end_that_started_it_dies()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Notebooks", "Jupyter", "orphaned_kernel.py");
        var (exitCode, stdout, stderr) = jupyter.Run(JupyterEnvironment.Python, [script, JupyterEnvironment.KernelName], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"orphaned_kernel.py failed:\n{stderr}");
        using var kernel = Process.GetProcessById(int.Parse(stdout.Trim(), CultureInfo.InvariantCulture));
        var exited = kernel.WaitForExit(TimeSpan.FromSeconds(15));
        if (!exited) kernel.Kill();
        Assert.True(exited, "the orphaned kernel was still running 15 s after its front end died");
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    private static IEnumerable<JsonNode> Outputs(JsonNode execution, string messageType) =>
        execution["outputs"]!.AsArray().Where(o => Text(o!["msg_type"]) == messageType).Select(o => o!["content"]!);

    private static List<string> Matches(JsonNode reply) => reply["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();

    public void Dispose() => jupyter.Dispose();
}
