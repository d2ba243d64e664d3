using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SeqGan.Research.Tests.Notebooks;

/// <summary>.NET Interactive's conventions: #!csharp / #!markdown, #r "path.dll", #r "nuget:…".</summary>
public sealed class CellMagicTests
{
    [Fact]
    public async Task Markdown_magic_cells_are_skipped_and_csharp_magic_is_stripped()
    {
        using var notebook = new TestNotebook()
            .Code("#!markdown\n# Not C#\nThis would not compile.")
            .Code("#!csharp\nvar z = 5;\nz");
        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var cells = notebook.ExecutedCells();
        Assert.Null(cells[0]!["execution_count"]);
        Assert.Empty(cells[0]!["outputs"]!.AsArray());
        Assert.Equal(1, cells[1]!["execution_count"]!.GetValue<int>());
        Assert.Equal("5", TestNotebook.Text(Assert.Single(cells[1]!["outputs"]!.AsArray())!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Another_kernels_language_is_an_error_not_silently_skipped()
    {
        using var notebook = new TestNotebook().Code("#!fsharp\nlet x = 1");
        var result = await notebook.RunAsync();

        Assert.Equal("UnsupportedCellLanguage", result.Failure?.ErrorName);
        Assert.Contains("fsharp", result.Failure!.ErrorValue);
    }

    [Fact]
    public async Task A_dll_referenced_by_a_path_relative_to_the_notebook_can_be_used()
    {
        using var notebook = new TestNotebook();
        var library = Path.Combine(notebook.Folder, "lib", "Greeter.dll");
        CompileLibrary(library, "namespace Greetings; public static class Greeter { public static string Hello(string name) => $\"hello, {name}\"; }");
        notebook
            .Code("#r \"lib/Greeter.dll\"\nusing Greetings;")
            .Code("Greeter.Hello(\"notebook\")");
        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal("hello, notebook", TestNotebook.Text(Assert.Single(notebook.Outputs(1))!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_nuget_reference_to_a_package_the_runner_has_is_served_by_the_runners_copy()
    {
        // .NET Interactive notebooks #r the library by its build path or a package; both mean the runner's copy.
        using var notebook = new TestNotebook()
            .Code("#r \"nuget: System.Text.Json, 10.0.0\"\n#r \"../SeqGan.Research/bin/Release/net10.0/SeqGan.Research.dll\"\nusing SeqGan.Research.Tensors;\nSystem.Text.Json.JsonSerializer.Serialize(new { DType = DType.Float32.ToString() })");
        var result = await notebook.RunAsync();

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal("{\"DType\":\"Float32\"}", TestNotebook.Text(Assert.Single(notebook.Outputs(0))!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task A_nuget_package_is_restored_and_loaded_and_a_second_version_of_it_is_a_clear_error()
    {
        // Restored through this machine's NuGet configuration (offline once it is in the NuGet cache).
        using var notebook = new TestNotebook()
            .Code("#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"restored_in_the_runner\".Humanize()")
            .Code("#r \"nuget: Humanizer.Core, 2.8.26\"");
        var result = await notebook.RunAsync();

        var outputs = notebook.Outputs(0);
        Assert.Contains("Restored Humanizer.Core 2.14.1", TestNotebook.Text(outputs[0]!["text"]));
        Assert.Equal("restored in the runner", TestNotebook.Text(outputs[1]!["data"]!["text/plain"]));
        Assert.Equal(1, result.Failure?.CellIndex);
        Assert.Equal("NuGetRestoreFailed", result.Failure?.ErrorName);
        Assert.Contains("#r \"nuget: Humanizer.Core, 2.8.26\"", result.Failure!.ErrorValue);
        Assert.Contains("already loaded #r \"nuget: Humanizer.Core, 2.14.1\"", result.Failure.ErrorValue);
    }

    private static void CompileLibrary(string path, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path), [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
