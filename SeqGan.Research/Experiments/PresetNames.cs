using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments;

/// <summary>Finds a preset by name among an experiment's smoke, quick and paper presets (what `--preset` names).</summary>
public static class PresetNames
{
    public static T Find<T>(string name, params T[] presets) where T : SeqGanSettings =>
        presets.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown preset '{name}' (expected {string.Join(", ", presets.Select(p => p.Name))})", nameof(name));
}
