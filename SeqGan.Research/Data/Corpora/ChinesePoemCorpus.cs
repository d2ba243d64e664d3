using System.Globalization;
using System.Text;

namespace SeqGan.Research.Data.Corpora;

/// <summary>
/// The paper's Chinese quatrains (chinese_poems/shi.txt): one poem per line, every character a token,
/// punctuation (，。 and any other Unicode punctuation) and whitespace dropped, exactly
/// <see cref="CharactersPerPoem"/> characters left — four lines of five characters. A line with any other count
/// is an error naming the file and line, so a damaged file is never silently trained on.
/// </summary>
public static class ChinesePoemCorpus
{
    public const int CharactersPerPoem = 20;

    public const string Preparation =
        "one quatrain per line; characters as tokens; punctuation and spaces dropped; exactly 20 characters (4 lines × 5); vocabulary = every character of the file";

    public static TokenCorpus Load(string path, int charactersPerPoem = CharactersPerPoem)
    {
        var poems = new List<string[]>();
        foreach (var (number, text) in StrictTextFile.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var characters = Characters(text);
            if (characters.Length != charactersPerPoem)
                throw new InvalidDataException(
                    $"{path}:{number}: expected {charactersPerPoem} characters after dropping punctuation, found {characters.Length}");
            poems.Add(characters);
        }
        if (poems.Count == 0) throw new InvalidDataException($"{path}: the corpus is empty (no poems)");
        var vocabulary = Vocabulary.Build(poems);
        return new TokenCorpus
        {
            Name = "chinese_poems",
            SourceFile = path,
            Vocabulary = vocabulary,
            SequenceLength = charactersPerPoem,
            Sequences = poems.Select(p => vocabulary.Encode(p).Ids).ToList(),
            Groups = Enumerable.Range(0, poems.Count).ToList(),
            Preparation = Preparation,
            TokenSeparator = "",
        }.Validated();
    }

    /// <summary>The characters of a line that are neither whitespace nor punctuation (by Unicode category).</summary>
    public static string[] Characters(string line)
    {
        var result = new List<string>();
        foreach (var rune in line.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsPunctuation(rune)) continue;
            result.Add(rune.ToString());
        }
        return result.ToArray();
    }

    private static bool IsPunctuation(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.OtherPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation;
}
