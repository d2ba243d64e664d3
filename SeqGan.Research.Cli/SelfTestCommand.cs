using System.CommandLine;
using SeqGan.Research.Diagnostics;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan selftest [--device cpu|cuda]`: the kit's core checks on one device, without the .NET SDK
/// (what a GPU machine runs from the bundle); exit code 0 when every check passed, 1 otherwise.</summary>
internal static class SelfTestCommand
{
    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto", DefaultValueFactory = _ => "auto" };
        var command = new Command("selftest", "Check gradients, rollouts, sampling, optimizer and reproducibility on a device (no SDK needed)") { device };
        command.SetAction(parse =>
        {
            var target = Device.Parse(parse.GetValue(device)!);
            Console.WriteLine($"libtorch {Torch.LibtorchVersion}, device {target}, {Torch.CudaDeviceCount} CUDA device(s){(Torch.CudaLibrary == "" ? "" : $", torch_cuda {Torch.CudaLibrary}")}");
            var report = new SelfTest(target).Run(new Progress<SelfTestCheck>(Print));
            Console.WriteLine(report.Summary);
            return report.Passed ? 0 : 1;
        });
        return command;
    }

    private static void Print(SelfTestCheck check)
    {
        var mark = check.Outcome switch { SelfTestOutcome.Passed => "PASS", SelfTestOutcome.Failed => "FAIL", _ => "SKIP" };
        Console.WriteLine($"{mark} {check.Name} ({check.Seconds:F1} s): {check.Detail}");
    }
}
