namespace SeqGan.Research.Tests;

/// <summary>Where the tests find the shared datasets: $SEQGAN_DATA_MIRROR, else a shared/data folder
/// beside (or above) the repository — the layout CI provides.</summary>
internal static class TestData
{
    public static string Mirror { get; } = Locate();

    public static string OracleParameters => Path.Combine(Mirror, "seqgan_oracle", "target_params.safetensors");
    public static string OracleRealData => Path.Combine(Mirror, "seqgan_oracle", "original", "real_data.txt");
    public static string OracleReferenceValues => Path.Combine(Mirror, "seqgan_oracle", "reference_values.json");

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SEQGAN_DATA_MIRROR");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "seqgan_oracle"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            "test data mirror not found: set SEQGAN_DATA_MIRROR to a folder laid out like shared/data, or place shared/ beside the repository");
    }
}
