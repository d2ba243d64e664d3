using System.Text.Json.Nodes;
using SeqGan.Research.Notebooks.Jupyter;

namespace SeqGan.Research.Tests.Notebooks.Jupyter;

/// <summary>
/// What an unauthenticated or hostile peer can send the kernel: messages over its size limit (tested with a small
/// configured limit; the default is 256 MiB) on every socket, a replayed signed message, and failures while serving a
/// message — none may end a channel or the kernel. Also: a connection file without a key is warned about.
/// </summary>
public sealed class KernelHardeningTests : IDisposable
{
    private const int Limit = 64 * 1024;

    private readonly JupyterEnvironment jupyter = new();

    [Fact]
    public void Oversized_and_replayed_messages_are_dropped_and_the_kernel_serves_on()
    {
        var log = Path.Combine(jupyter.Folder, "kernel-stderr.log");
        var script = Path.Combine(AppContext.BaseDirectory, "Notebooks", "Jupyter", "hostile_client.py");
        var (exitCode, stdout, stderr) = jupyter.Run(JupyterEnvironment.Python, [script, JupyterEnvironment.KernelName, log, $"{Limit}"], TimeSpan.FromMinutes(3));
        var kernelLog = File.Exists(log) ? File.ReadAllText(log) : "";
        Assert.True(exitCode == 0, $"hostile_client.py failed:\n{stderr}\nkernel stderr:\n{kernelLog}");
        var report = JsonNode.Parse(stdout)!;
        bool Flag(string name) => report[name]!.GetValue<bool>();

        Assert.False(Flag("reply_to_oversized_frame"), "the kernel answered a request with a frame over its limit");
        Assert.False(Flag("reply_to_oversized_parts"), "the kernel answered a request whose frames add up to more than its limit");
        Assert.False(Flag("reply_to_oversized_control"));
        Assert.True(Flag("control_answers_after"), $"control stopped answering:\n{kernelLog}");
        Assert.False(Flag("echo_of_oversized_ping"));
        Assert.True(Flag("heartbeat_answers_after"), $"the heartbeat stopped answering:\n{kernelLog}");
        Assert.False(Flag("oversized_ran"), "the oversized request was executed");
        Assert.False(Flag("oversized_parts_ran"), "the request with oversized parts was executed");
        Assert.Contains($"dropped a message on shell: a message of", kernelLog);
        Assert.Contains($"over the kernel's limit of {Limit:N0} bytes", kernelLog);

        Assert.True(Flag("reply_to_original"));
        Assert.False(Flag("reply_to_replay"), "the kernel answered a replayed message");
        Assert.Equal("1", report["counter"]!.GetValue<string>());
        Assert.Contains("dropped a message on shell: replayed message", kernelLog);
    }

    [Fact]
    public void A_failure_while_serving_one_message_is_logged_and_the_channel_goes_on()
    {
        var log = new StringWriter();
        using var stop = new CancellationTokenSource();
        var received = 0;
        var handled = new List<int>();
        List<byte[]>? Receive()
        {
            received++;
            if (received == 2) throw new OverflowException("Arithmetic operation resulted in an overflow.");
            if (received == 4) throw new InvalidMessageException("too big");
            if (received == 6) stop.Cancel();
            return [[(byte)received]];
        }

        ChannelLoop.Run("control", Receive, frames =>
        {
            if (frames[0][0] == 3) throw new NullReferenceException("a bug in serving");
            handled.Add(frames[0][0]);
        }, log, stop.Token);

        Assert.Equal([1, 5, 6], handled);
        var lines = log.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal([
            "dropped a message on control: OverflowException: Arithmetic operation resulted in an overflow.",
            "dropped a message on control: NullReferenceException: a bug in serving",
            "dropped a message on control: too big",
        ], lines);
    }

    [Fact]
    public void A_signed_message_is_accepted_once()
    {
        var signer = new MessageSigner("key");
        var history = new SignatureHistory();
        var frames = WireFormat.Encode(JupyterMessage.Create("s", "kernel_info_request", [], null, []), signer);

        Assert.Equal("kernel_info_request", WireFormat.Decode(frames, signer, history).Type);
        var replay = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, signer, history));
        Assert.Contains("replayed message", replay.Message);
        // Another message with the same content has another id and date, so another signature.
        Assert.Equal("kernel_info_request", WireFormat.Decode(WireFormat.Encode(JupyterMessage.Create("s", "kernel_info_request", [], null, []), signer), signer, history).Type);
    }

    [Fact]
    public void The_history_forgets_its_oldest_signatures_when_full()
    {
        var history = new SignatureHistory(capacity: 20);
        for (var i = 0; i < 21; i++) Assert.True(history.Add($"s{i}"));
        // Over capacity at 21: the oldest tenth (2) is forgotten, the rest still refused.
        Assert.False(history.Add("s2"));
        Assert.False(history.Add("s20"));
        Assert.True(history.Add("s1"));
    }

    [Fact]
    public void A_connection_file_without_a_key_is_warned_about()
    {
        var connectionFile = Path.Combine(jupyter.Folder, "kernel-keyless.json");
        File.WriteAllText(connectionFile, $$"""
            {"transport": "ipc", "ip": "{{Path.Combine(jupyter.Folder, "kernel")}}", "shell_port": 1, "control_port": 2,
             "iopub_port": 3, "stdin_port": 4, "hb_port": 5, "key": ""}
            """);
        var log = new StringWriter();

        using (new JupyterKernel(connectionFile, log)) { }

        Assert.Contains($"warning: {connectionFile} has no key, so messages are not signed", log.ToString());
    }

    public void Dispose() => jupyter.Dispose();
}
