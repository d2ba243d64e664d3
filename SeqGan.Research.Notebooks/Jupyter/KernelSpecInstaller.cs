using System.Text.Json.Nodes;

namespace SeqGan.Research.Notebooks.Jupyter;

/// <summary>
/// Writes and removes the kernelspec (<c>kernels/NAME/kernel.json</c>) by which Jupyter, nbconvert and VS Code
/// find this kernel, in the folders jupyter_core searches on Linux: the user's data folder
/// (<c>$JUPYTER_DATA_DIR</c>, else <c>$XDG_DATA_HOME/jupyter</c>, else <c>~/.local/share/jupyter</c>), a
/// prefix's <c>share/jupyter</c>, or the system's <c>/usr/local/share/jupyter</c>.
/// </summary>
public static class KernelSpecInstaller
{
    public const string DefaultName = "seqgan-csharp";
    public const string DisplayName = "C# (SeqGan.Research)";
    public const string Language = "csharp";
    public const string SystemDataDirectory = "/usr/local/share/jupyter";

    /// <summary>The placeholder Jupyter replaces with the connection file's path when it starts the kernel.</summary>
    public const string ConnectionFilePlaceholder = "{connection_file}";

    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return data;
        if (Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "jupyter");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter");
    }

    /// <summary>The data folder an install goes to: <paramref name="prefix"/>/share/jupyter, the user's, or the system's.</summary>
    public static string DataDirectory(bool user, string? prefix) =>
        prefix is not null ? Path.Combine(Path.GetFullPath(prefix), "share", "jupyter")
        : user ? UserDataDirectory()
        : SystemDataDirectory;

    /// <summary>kernel.json's content: <paramref name="command"/> (the absolute command that runs seqgan) followed
    /// by <c>kernel --connection-file {connection_file}</c>. Interrupts come as messages on the control channel.</summary>
    public static JsonObject Spec(IReadOnlyList<string> command) => new()
    {
        ["argv"] = new JsonArray([.. command.Select(a => (JsonNode)JsonValue.Create(a)), "kernel", "--connection-file", ConnectionFilePlaceholder]),
        ["display_name"] = DisplayName,
        ["language"] = Language,
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes kernels/<paramref name="name"/>/kernel.json under <paramref name="dataDirectory"/>,
    /// replacing an earlier one, and returns the kernelspec's folder.</summary>
    public static string Install(string dataDirectory, string name, IReadOnlyList<string> command)
    {
        ValidateName(name);
        var folder = Path.Combine(dataDirectory, "kernels", name);
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "kernel.json"), Spec(command).ToJsonString(new() { WriteIndented = true }) + "\n");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot write the kernelspec into {folder}: {e.Message} (install with --user, or --prefix DIR)", e);
        }
        return folder;
    }

    /// <summary>Removes kernels/<paramref name="name"/> from each of <paramref name="dataDirectories"/> that has it;
    /// returns the folders removed.</summary>
    public static IReadOnlyList<string> Uninstall(IEnumerable<string> dataDirectories, string name)
    {
        ValidateName(name);
        var removed = new List<string>();
        foreach (var data in dataDirectories.Distinct())
        {
            var folder = Path.Combine(data, "kernels", name);
            if (!File.Exists(Path.Combine(folder, "kernel.json"))) continue;
            Directory.Delete(folder, recursive: true);
            removed.Add(folder);
        }
        return removed;
    }

    /// <summary>Jupyter's rule for kernel names: letters, digits, '.', '_' and '-'.</summary>
    private static void ValidateName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new ArgumentException($"kernel name '{name}' must be ASCII letters, digits, '.', '_' or '-'");
    }
}
