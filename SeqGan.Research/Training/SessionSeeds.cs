namespace SeqGan.Research.Training;

/// <summary>A seed per (run seed, session name), so that each method's randomness does not depend on which others ran.</summary>
public static class SessionSeeds
{
    /// <summary>FNV-1a of "seed/session", or of "scope/seed/session" when <paramref name="scope"/> is given.</summary>
    public static ulong For(int seed, string session, string? scope = null)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var c in scope is null ? $"{seed}/{session}" : $"{scope}/{seed}/{session}") hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
