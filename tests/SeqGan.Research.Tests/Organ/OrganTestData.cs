namespace SeqGan.Research.Tests.Organ;

/// <summary>ORGAN's ABC corpus from the test data mirror.</summary>
internal static class OrganTestData
{
    public static string MusicLarge => Path.Combine(TestData.Mirror, "organ_music", "original", "music_large.txt");
}
