using System.Globalization;
using System.Reflection;
using SeqGan.Research.Training;

namespace SeqGan.Research.Experiments.Sweeps;

/// <summary>One setting of a preset and the values a sweep tries for it: <c>--set Rollouts=4,8,16</c>.</summary>
public sealed record PresetOverride(string Key, IReadOnlyList<string> Values);

/// <summary>
/// Preset settings set by name from text (<c>Rollouts=8</c>): the scalar settings of a preset record (numbers, flags,
/// enums, strings) — the knobs an ablation turns. Checked against the preset's type before anything runs: an unknown
/// key or a value of the wrong type is an error naming it and what was expected. Settings that are parts (a generator
/// factory, a strategy) are not settable from text; an ablation of those is a preset of its own.
/// </summary>
public static class PresetOverrides
{
    /// <summary>Parses <c>KEY=V1,V2,...</c> and checks every value against <typeparamref name="T"/>'s setting.</summary>
    public static PresetOverride Parse<T>(string text) where T : SeqGanSettings
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) throw new ArgumentException($"--set '{text}': expected KEY=VALUE[,VALUE...], e.g. Rollouts=4,8,16");
        var property = Setting(typeof(T), text[..equals].Trim());
        var values = text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var value in values) Convert(property, value);
        return new PresetOverride(property.Name, values);
    }

    /// <summary>A copy of <paramref name="preset"/> with each (key, value) set, validated.</summary>
    public static T Apply<T>(T preset, IEnumerable<KeyValuePair<string, string>> settings) where T : SeqGanSettings
    {
        var list = settings.ToList();
        if (list.Count == 0) return preset;
        // A record's copy constructor is its compiler-generated <Clone>$; init-only setters are settable on the copy.
        var copy = (T)preset.GetType().GetMethod("<Clone>$")!.Invoke(preset, null)!;
        foreach (var (key, value) in list)
        {
            var property = Setting(preset.GetType(), key);
            property.SetValue(copy, Convert(property, value));
        }
        copy.Validate();
        return copy;
    }

    /// <summary>The names of the settings <see cref="Parse{T}"/> accepts for <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> SettableNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsSettable).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

    private static PropertyInfo Setting(Type type, string key)
    {
        var property = type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || !IsSettable(property))
            throw new ArgumentException($"--set {key}: not a setting of the {type.Name} presets that can be set from text " +
                $"(expected one of {string.Join(", ", SettableNames(type))})");
        return property;
    }

    private static bool IsSettable(PropertyInfo property)
    {
        if (property.SetMethod is not { IsPublic: true } || property.Name == nameof(SeqGanSettings.Name)) return false;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(double) || type == typeof(bool)
            || type == typeof(string) || type.IsEnum;
    }

    private static object? Convert(PropertyInfo property, string text)
    {
        var nullable = Nullable.GetUnderlyingType(property.PropertyType);
        var type = nullable ?? property.PropertyType;
        if (nullable is not null && text.Equals("null", StringComparison.OrdinalIgnoreCase)) return null;
        var invariant = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when type == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, invariant, out var u) ? u : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d : null,
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ when type == typeof(string) => text,
            _ when type.IsEnum => Enum.GetNames(type).FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(type, name) : null,
            _ => null,
        };
        if (value is null)
        {
            var expected = type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
                : type == typeof(bool) ? "true or false"
                : type == typeof(double) ? "a finite number" : $"an integer ({type.Name})";
            throw new ArgumentException($"--set {property.Name}={text}: '{text}' is not {expected}{(nullable is not null ? " or null" : "")}");
        }
        return value;
    }
}
