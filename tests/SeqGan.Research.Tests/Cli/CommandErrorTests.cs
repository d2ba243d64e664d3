using System.Runtime.Versioning;
using SeqGan.Research.Cli;

namespace SeqGan.Research.Tests.Cli;

/// <summary>
/// Every command ends an error with one line naming the path and exit code 2 — permission errors included (run as an
/// unprivileged user, since root reads anything) — and an unexpected exception with one internal-error line and a log,
/// never an abort with a stack trace. A bad <c>--output</c> is refused before anything is written.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CommandErrorTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly string folder;

    public CommandErrorTests()
    {
        folder = Directory.CreateTempSubdirectory("seqgan-command-errors-").FullName;
        // Reachable by the unprivileged user; each test makes what it needs unreadable or read-only.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
    }

    public static TheoryData<string, string> UnreadableInputs => new()
    {
        { "eval bleu --candidates {input} --references {input}", "input.txt" },
        { "eval oracle-nll --samples {input} --oracle {oracle}", "samples.txt" },
        { "eval oracle-nll --samples {samples} --oracle {input}", "oracle.safetensors" },
        { "train --corpus {input} --tokens chars --preset smoke --output {folder}/out", "corpus.txt" },
        { "notebook run {input}", "notebook.ipynb" },
    };

    [Theory]
    [MemberData(nameof(UnreadableInputs))]
    public void An_unreadable_input_is_one_line_naming_it_and_exit_code_2(string command, string inputName)
    {
        var input = Path.Combine(folder, inputName);
        File.Copy(inputName.EndsWith(".safetensors") ? TestData.OracleParameters : TestData.OracleRealData, input);
        File.SetUnixFileMode(input, UnixFileMode.None);

        var (exitCode, stderr) = RunUnprivileged(command.Replace("{input}", input));

        AssertOneErrorLine(exitCode, stderr, input);
    }

    public static TheoryData<string> ReadOnlyOutputs => new()
    {
        "train --corpus {corpus} --tokens chars --preset smoke --output {readonly}/out",
        "reproduce table1 --preset smoke --methods MLE --output {readonly}/out",
        "notebook run {notebook} --output {readonly}/executed.ipynb",
    };

    [Theory]
    [MemberData(nameof(ReadOnlyOutputs))]
    public void A_read_only_output_is_one_line_naming_it_and_exit_code_2(string command)
    {
        var readOnly = Directory.CreateDirectory(Path.Combine(folder, "readonly")).FullName;
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var (exitCode, stderr) = RunUnprivileged(command.Replace("{readonly}", readOnly));

        AssertOneErrorLine(exitCode, stderr, readOnly);
        Assert.Empty(Directory.EnumerateFileSystemEntries(readOnly));
    }

    public static TheoryData<string, string> BadOutputs => new()
    {
        { "reproduce table1 --preset smoke --output", "" },
        { "reproduce table1 --preset smoke --output", "/" },
        { "reproduce table1 --preset smoke --output", "{file}" },
        { "reproduce table2 --preset smoke --output", "/" },
        { "reproduce organ --preset smoke --output", "{file}" },
        { "train --corpus {corpus} --tokens chars --preset smoke --output", "" },
        { "train --corpus {corpus} --tokens chars --preset smoke --output", "/" },
        { "train --corpus {corpus} --tokens chars --preset smoke --output", "{file}" },
        { "notebook run {notebook} --output", "" },
        { "notebook run {notebook} --output", "{folder}" },
    };

    [Theory]
    [MemberData(nameof(BadOutputs))]
    public void A_bad_output_is_refused_before_anything_is_written(string command, string output)
    {
        var file = Path.Combine(folder, "results.txt");
        File.WriteAllText(file, "keep me");
        output = Expand(output).Replace("{file}", file);
        var rootBefore = Directory.EnumerateFileSystemEntries("/").ToHashSet();
        var workingBefore = Directory.EnumerateFileSystemEntries(Environment.CurrentDirectory).ToHashSet();

        var (_, _, error) = CliInvocation.Run([ReproduceCommand.Create(), TrainCommand.Create(), NotebookCommand.Create()],
            [.. Expand(command).Split(' '), output]);

        var refused = Assert.IsType<ArgumentException>(error);
        Assert.Contains("--output", refused.Message);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Empty(Directory.EnumerateFileSystemEntries("/").Except(rootBefore));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Environment.CurrentDirectory).Except(workingBefore));
    }

    [Fact]
    public void An_unexpected_exception_is_one_internal_error_line_with_the_report_in_a_log()
    {
        var stderr = new StringWriter();
        Exception thrown;
        try
        {
            throw new NullReferenceException("a bug");
        }
        catch (NullReferenceException e)
        {
            thrown = e;
        }

        var exitCode = CliErrors.Report(new AggregateException(thrown), stderr);

        Assert.Equal(CliErrors.InternalError, exitCode);
        var line = Assert.Single(stderr.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith("internal error (a bug in seqgan; please report it): NullReferenceException: a bug — the full report is in ", line);
        var log = line[(line.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..];
        try
        {
            Assert.Contains(nameof(An_unexpected_exception_is_one_internal_error_line_with_the_report_in_a_log), File.ReadAllText(log));
        }
        finally
        {
            File.Delete(log);
        }
    }

    private (int ExitCode, string Stderr) RunUnprivileged(string command)
    {
        using var run = SeqganProcess.Unprivileged(Expand(command).Split(' '), folder);
        var (exitCode, _, stderr) = run.WaitForExit(HangGuard);
        return (exitCode, stderr);
    }

    /// <summary>Fills in the inputs a command needs that are not under test: readable and valid.</summary>
    private string Expand(string command)
    {
        var corpus = Path.Combine(folder, "corpus.txt");
        if (!File.Exists(corpus)) File.WriteAllLines(corpus, Enumerable.Range(0, 40).Select(i => $"line {i % 7} of the corpus"));
        var notebook = Path.Combine(folder, "ok.ipynb");
        if (!File.Exists(notebook)) File.WriteAllText(notebook, """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
        return command.Replace("{corpus}", corpus).Replace("{notebook}", notebook).Replace("{folder}", folder)
            .Replace("{oracle}", TestData.OracleParameters).Replace("{samples}", TestData.OracleRealData);
    }

    private static void AssertOneErrorLine(int exitCode, string stderr, string path)
    {
        Assert.True(exitCode == 2, $"exit code {exitCode}; stderr:\n{stderr}");
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
        var last = lines[^1];
        Assert.StartsWith("error: ", last);
        Assert.Contains(path, last);
    }

    public void Dispose()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(entry, (UnixFileMode)0b111_111_111);
        Directory.Delete(folder, recursive: true);
    }
}
