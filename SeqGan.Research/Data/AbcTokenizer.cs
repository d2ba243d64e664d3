namespace SeqGan.Research.Data;

/// <summary>
/// The one-pass, character-level ABC splitter of ORGAN's 2017 music pipeline (the code that produced the
/// paper's music table), rule for rule as shared/data/organ_music/METRICS.md Appendix A describes it.
/// Its quirks are kept on purpose, because the paper's numbers were computed on its tokens: the splitter's
/// state is not reset between tunes, the first "X" line appends an empty tune, the last tune is never
/// appended, and empty-string tokens are real tokens.
/// </summary>
public static class AbcTokenizer
{
    /// <summary>Lines starting with one of these are skipped; inside a line these characters are ignored.</summary>
    private const string SkipCharacters = "T%SMKPL\"()m-\\!trilz[+no#\n ";

    /// <summary>Tunes of an ABC file: the file's first line (a "Total songs" header) is skipped.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"ABC file not found: {path}", path);
        return Split(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Tunes of ABC text. <paramref name="source"/> names the text in errors. Characters outside printable
    /// ASCII are rejected (file:line:column): the splitter would glue them into tokens silently.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Split(string text, string source = "ABC text")
    {
        var tunes = new List<IReadOnlyList<string>>();
        var tune = new List<string>();
        var current = "";
        var inNote = false;
        var afterBar = false;
        var sawTuneStart = false;
        var lines = text.Split('\n');
        // A final line without a newline is still a line; the empty string after a final newline is not.
        var lineCount = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (lineCount == 0) throw new InvalidDataException($"{source}: empty, expected a header line and ABC tunes");
        for (var index = 1; index < lineCount; index++)   // line 1 is the header
        {
            // Python iterates lines with their newline; the splitter treats it as an ordinary (skipped) character.
            var line = lines[index].TrimEnd('\r') + (index < lines.Length - 1 ? "\n" : "");
            CheckCharacters(line, source, index + 1);
            if (line.Length == 0 || SkipCharacters.Contains(line[0])) continue;
            if (line[0] == 'X')
            {
                tunes.Add(tune);
                tune = [];
                sawTuneStart = true;
                continue;
            }
            foreach (var c in line)
            {
                if (SkipCharacters.Contains(c)) continue;
                if (IsNoteLetter(c))
                {
                    inNote = true;
                    if (afterBar)
                    {
                        afterBar = false;
                        tune.Add(current);
                        current = c.ToString();
                    }
                    else if (current.Length > 0 && IsNoteLetter(current[^1]))
                    {
                        tune.Add(current);
                        current = c.ToString();
                    }
                    else if (current.Length > 0 && current[^1] == '/') current = current[1..];
                    else if (current.Length == 0) current = c.ToString();
                    // otherwise the letter is dropped, as the original does after an accidental or octave mark
                }
                else if (c is '_' or '^' or '=')
                {
                    inNote = true;
                    tune.Add(current);
                    current = c.ToString();
                }
                else if (char.IsAsciiDigit(c))
                {
                    if (!inNote) continue;
                    tune.Add(current + c);
                    current = "";
                    inNote = false;
                }
                else if (c is '|' or ':')
                {
                    if (inNote)
                    {
                        tune.Add(current);
                        current = "";
                    }
                    if (afterBar)
                    {
                        tune.Add(current + c);
                        current = "";
                        afterBar = false;
                    }
                    else
                    {
                        afterBar = true;
                        tune.Add(current);
                        current = c.ToString();
                    }
                    inNote = false;
                }
                else current += c;
            }
        }
        if (!sawTuneStart) throw new InvalidDataException($"{source}: no line starting with 'X' (tune header) after line 1; is this an ABC file?");
        return tunes;
    }

    public static bool IsNoteLetter(char c) => c is >= 'A' and <= 'G' or >= 'a' and <= 'g';

    private static void CheckCharacters(string line, string source, int lineNumber)
    {
        for (var column = 0; column < line.Length; column++)
        {
            var c = line[column];
            if (c == '\n' || (c >= ' ' && c <= '~')) continue;
            throw new InvalidDataException(
                $"{source}:{lineNumber}:{column + 1}: character U+{(int)c:X4} is not printable ASCII; the ABC splitter would make it part of a token");
        }
    }
}
