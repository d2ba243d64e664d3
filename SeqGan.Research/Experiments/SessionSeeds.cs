namespace SeqGan.Research.Experiments;

/// <summary>A seed per (run seed, session name), so that each method's randomness does not depend on which others ran.</summary>
public static class SessionSeeds
{
    /// <summary>FNV-1a of "seed/session".</summary>
    public static ulong For(int seed, string session)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var c in $"{seed}/{session}") hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
