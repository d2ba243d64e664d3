using System.CommandLine;
using SeqGan.Research.Tensors;
using Spectre.Console;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan info`: which libtorch, devices, threads and BLAS this process runs on.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var verbose = new Option<bool>("--build-config") { Description = "also print libtorch's full build configuration" };
        var command = new Command("info", "Show the libtorch version, devices, thread count and BLAS in use") { verbose };
        command.SetAction(parse =>
        {
            var table = new Table().HideHeaders().AddColumn("").AddColumn("");
            table.AddRow("libtorch", Markup.Escape(Torch.LibtorchVersion));
            var cuda = Torch.CudaDeviceCount;
            table.AddRow("devices", Markup.Escape(cuda > 0 ? $"cpu, {string.Join(", ", Enumerable.Range(0, cuda).Select(i => $"cuda:{i}"))}" : "cpu (no CUDA device visible to this libtorch)"));
            table.AddRow("default device", Markup.Escape(Device.Default.ToString()));
            table.AddRow("threads", $"{Torch.Threads} (cores: {Environment.ProcessorCount})");
            table.AddRow("BLAS", Markup.Escape(RuntimeInfo.DescribeBlas()));
            table.AddRow(".NET", Markup.Escape(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription));
            AnsiConsole.Write(table);
            if (parse.GetValue(verbose)) Console.WriteLine(Torch.BuildConfiguration);
            return 0;
        });
        return command;
    }
}
