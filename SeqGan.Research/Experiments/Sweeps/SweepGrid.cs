namespace SeqGan.Research.Experiments.Sweeps;

/// <summary>One task of a sweep: one method on one seed under one combination of overrides — a checkpointed run of its own.</summary>
/// <param name="Settings">the overrides of this task, in the grid's key order (empty: the preset as it is)</param>
public sealed record SweepTask(int Index, string Method, int Seed, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    /// <summary>The combination of overrides as text ("Rollouts=8,BatchSize=32"; "" for none): tasks with the same cell
    /// merge into one table.</summary>
    public string Cell => string.Join(",", Settings.Select(s => $"{s.Key}={s.Value}"));

    public override string ToString() => $"task {Index} ({Method}, seed {Seed}{(Cell.Length > 0 ? $", {Cell}" : "")})";
}

/// <summary>
/// A sweep's grid: an experiment under a preset, its methods × seeds × every combination of the overrides' values.
/// Expands into independent <see cref="SweepTask"/>s in a fixed order (cell, then seed, then method, as the given lists
/// order them), so that task indices — Slurm array indices — mean the same thing on every machine.
/// </summary>
public sealed record SweepGrid(string Experiment, string Preset, IReadOnlyList<string> Methods, IReadOnlyList<int> Seeds,
    IReadOnlyList<PresetOverride> Overrides, string Device)
{
    public IReadOnlyList<SweepTask> Expand()
    {
        IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> cells = [[]];
        foreach (var setting in Overrides)
            cells = cells.SelectMany(cell => setting.Values.Select(value =>
                (IReadOnlyList<KeyValuePair<string, string>>)[.. cell, new KeyValuePair<string, string>(setting.Key, value)]));
        var tasks = new List<SweepTask>();
        foreach (var cell in cells)
            foreach (var seed in Seeds)
                foreach (var method in Methods)
                    tasks.Add(new SweepTask(tasks.Count, method, seed, cell));
        return tasks;
    }

    /// <summary>The tasks; throws when the grid has none, naming the empty dimension.</summary>
    public IReadOnlyList<SweepTask> ExpandNonEmpty()
    {
        var empty = Methods.Count == 0 ? "no methods" : Seeds.Count == 0 ? "no seeds"
            : Overrides.FirstOrDefault(o => o.Values.Count == 0) is { } setting ? $"no values for --set {setting.Key}" : null;
        if (empty is not null) throw new ArgumentException($"the sweep's grid has zero tasks ({empty}): nothing to run");
        return Expand();
    }
}
