using System.CommandLine;
using SeqGan.Research.Data;

namespace SeqGan.Research.Cli;

/// <summary>`seqgan data fetch NAME|all [--mirror DIR]` and `seqgan data list`: the verified local copies of the
/// data catalog's files (data/cache/).</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var cache = new Option<string?>("--cache") { Description = "cache folder; default: data/cache of the repository (the folder with data/catalog.json)" };
        return new Command("data", "Fetch and list the dataset files of the data catalog (data/catalog.json)") { Fetch(cache), List(cache) };
    }

    private static DataCache OpenCache(ParseResult parse, Option<string?> cache) => DataCache.Open(parse.GetValue(cache));

    private static Command Fetch(Option<string?> cache)
    {
        var name = new Argument<string>("name") { Description = "a dataset (seqgan_oracle, chinese_poems, ...), one file's path (seqgan_oracle/original/real_data.txt) or 'all'" };
        var mirror = new Option<string?>("--mirror") { Description = $"copy from this folder laid out like shared/data instead of downloading (default: ${DataCache.MirrorVariable})" };
        var force = new Option<bool>("--force") { Description = "fetch again even when the cached copy verifies (a source that does not verify still changes nothing)" };
        var command = new Command("fetch", "Copy or download dataset files into the cache, verifying size and sha256 of each") { name, mirror, force, cache };
        command.SetAction(parse =>
        {
            var dataCache = OpenCache(parse, cache);
            var mirrorFolder = parse.GetValue(mirror);
            if (mirrorFolder is not null && !Directory.Exists(mirrorFolder))
                throw new DirectoryNotFoundException($"mirror folder not found: {mirrorFolder}");
            var entries = dataCache.Catalog.Select(parse.GetValue(name)!);
            var failures = 0;
            foreach (var entry in entries)
            {
                try
                {
                    var result = dataCache.Fetch(entry, mirrorFolder, parse.GetValue(force));
                    var what = result.Outcome switch
                    {
                        FetchOutcome.AlreadyCached => "cached    ",
                        FetchOutcome.CopiedFromMirror => "copied    ",
                        _ => "downloaded",
                    };
                    var from = result.Outcome == FetchOutcome.AlreadyCached ? "" : $" from {result.Origin}";
                    var replaced = result.ReplacedMismatchedCopy ? " (replaced a copy that did not verify)" : "";
                    Console.WriteLine($"{what} {entry.Path} {entry.Size:N0} bytes, sha256 ok{from}{replaced}");
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    failures++;
                    Console.Error.WriteLine($"failed     {e.Message}");
                }
            }
            if (failures > 0)
                throw new IOException($"{failures} of {entries.Count} files were not fetched (see above); the cache {dataCache.Directory} keeps only verified copies");
            Console.Error.WriteLine($"{entries.Count} file(s) verified in {dataCache.Directory}");
            return 0;
        });
        return command;
    }

    private static Command List(Option<string?> cache)
    {
        var command = new Command("list", "Show every catalog file, whether it is cached and whether the cached copy verifies") { cache };
        command.SetAction(parse =>
        {
            var dataCache = OpenCache(parse, cache);
            var statuses = dataCache.List();
            foreach (var status in statuses)
            {
                var state = status.State switch
                {
                    CachedFileState.Verified => "verified",
                    CachedFileState.Missing => "missing ",
                    _ => "MISMATCH",
                };
                var origin = status.Entry.IsMirrorOnly ? "  (mirror-only)" : "";
                var problem = status.Problem is null ? "" : $"  {status.Problem}";
                Console.WriteLine($"{state} {status.Entry.Size,13:N0}  {status.Entry.Path}{origin}{problem}");
            }
            int Count(CachedFileState s) => statuses.Count(x => x.State == s);
            Console.WriteLine($"{dataCache.Directory}: {Count(CachedFileState.Verified)} of {statuses.Count} files verified, "
                + $"{Count(CachedFileState.Missing)} missing, {Count(CachedFileState.Mismatch)} not matching the catalog");
            return Count(CachedFileState.Mismatch) > 0 ? 1 : 0;
        });
        return command;
    }
}
