namespace SeqGan.Research.Storage;

/// <summary>
/// <c>run.json</c> in a run's checkpoint folder: the <see cref="RunFingerprint"/> of the run the checkpoints belong
/// to. A command claims the folder before it writes anything: checkpoints of an earlier run are never discarded
/// silently (neither resume nor force: refused), and a resume whose settings or inputs changed is refused naming
/// what changed (so a resumed run never mixes the old weights with a new corpus or vocabulary).
/// </summary>
public static class RunManifest
{
    public const string FileName = "run.json";

    /// <param name="checkpointRoot">the folder holding the run's checkpoints (every session of every seed)</param>
    /// <param name="resume">continue the run found there: its fingerprint must be this one</param>
    /// <param name="force">start over: the checkpoints found there are deleted</param>
    public static void Claim(string checkpointRoot, RunFingerprint fingerprint, bool resume, bool force)
    {
        var manifest = Path.Combine(checkpointRoot, FileName);
        if (HoldsCheckpoints(checkpointRoot))
        {
            if (force)
                Directory.Delete(checkpointRoot, recursive: true);
            else if (!resume)
                throw new IOException($"{checkpointRoot} holds the checkpoints of an earlier run: add --resume to continue it, or --force to start over (they are deleted); "
                    + "from code, RunOptions.Resume or RunOptions.Force");
            else if (!File.Exists(manifest))
                throw new InvalidDataException($"{checkpointRoot} holds checkpoints without a {FileName} (written by an older seqgan), so what they belong to cannot be checked: add --force to start over");
            else
            {
                var changes = fingerprint.ChangesSince(RunFingerprint.FromJson(JsonFields.ReadObject(manifest), manifest));
                if (changes.Count > 0)
                    throw new InvalidDataException($"--resume refused: the checkpoints in {checkpointRoot} belong to a run with other settings or inputs — "
                        + string.Join("; ", changes) + ". Resume with the earlier ones, or add --force to start over");
            }
        }
        AtomicFile.WriteAllText(manifest, fingerprint.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static bool HoldsCheckpoints(string checkpointRoot) =>
        Directory.Exists(checkpointRoot)
        && Directory.EnumerateFiles(checkpointRoot, "state.json", SearchOption.AllDirectories).Any();
}
