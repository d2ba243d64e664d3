using SeqGan.Research.Tests.Gpu;

namespace SeqGan.Research.Tests.Sweeps;

/// <summary>A test that needs the one-node Slurm cluster of scripts/slurm-local-cluster.sh: skipped, with the reason
/// shown, only where its daemons cannot be started at all (slurm-wlm or munge not installed, or not root, which munged
/// and slurmd need in a container). Installed and root, a cluster that does not come up is a failure, not a skip.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        var missing = new[] { "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch" }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
            Skip = $"Slurm is not installed ({string.Join(", ", missing)} missing): scripts/bootstrap.sh installs slurm-wlm and munge";
        else if (Environment.UserName != "root")
            Skip = "the one-node Slurm cluster's daemons (munged, slurmctld, slurmd as SlurmdUser=root) need root: run the tests as root";
    }
}

/// <summary>
/// Starts the one-node cluster (its own folder: config, munge key, state, logs) for a test class and stops its daemons
/// when the class ends — passed or failed; a start that fails half-way stops what it started before the error is shown.
/// </summary>
public sealed class LocalSlurmCluster : IDisposable
{
    private readonly string script = Path.Combine(ExternalProcess.RepositoryRoot, "scripts", "slurm-local-cluster.sh");

    public LocalSlurmCluster()
    {
        Folder = Directory.CreateTempSubdirectory("seqgan-slurm-").FullName;
        var (exitCode, output) = ExternalProcess.Run(script, ["start", Folder], TimeSpan.FromMinutes(1));
        if (exitCode != 0)
        {
            Dispose();
            throw new InvalidOperationException($"the one-node Slurm cluster did not start (exit {exitCode}):\n{output}");
        }
    }

    public string Folder { get; }

    public string Configuration => Path.Combine(Folder, "slurm.conf");

    /// <summary>The environment that sends Slurm commands to this cluster, with seqgan at one libtorch thread.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>(SweepFiles.OneThread) { ["SLURM_CONF"] = Configuration };

    /// <summary>Runs a Slurm command (scontrol, scancel, squeue) against this cluster.</summary>
    public (int ExitCode, string Output) Slurm(string command, params string[] arguments) =>
        ExternalProcess.Run(command, arguments, TimeSpan.FromMinutes(1), environment: Environment);

    public void Dispose()
    {
        ExternalProcess.Run(script, ["stop", Folder], TimeSpan.FromMinutes(1));
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A daemon that took long to exit may still hold its log; the folder is in the temp folder.
        }
    }
}
