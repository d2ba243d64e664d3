using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SeqGan.Research.Data;

/// <summary>A module.name reference pushed by GLOBAL; calling it is up to <see cref="IPickleObjects"/>.</summary>
internal sealed record PickleGlobal(string Module, string Name)
{
    public override string ToString() => $"{Module}.{Name}";
}

/// <summary>A Python tuple. (Lists are <see cref="List{T}"/>, ints long, bool bool, None null,
/// bytes and Python-2 str byte[], unicode string.)</summary>
internal sealed record PickleTuple(IReadOnlyList<object?> Items);

/// <summary>What the machine may construct: it refuses every global, call and state it is not told about.</summary>
internal interface IPickleObjects
{
    /// <summary>Whether GLOBAL may push module.name (everything else is refused before it can be called).</summary>
    bool AllowsGlobal(string module, string name);

    /// <summary>REDUCE: the object that calling <paramref name="callable"/> with <paramref name="arguments"/> gives.
    /// Returns null with a reason in <paramref name="refusal"/> when the call is not one it builds.</summary>
    object? Call(PickleGlobal callable, PickleTuple arguments, out string? refusal);

    /// <summary>BUILD: applies <paramref name="state"/> to <paramref name="target"/> in place (the memo holds the same object).
    /// Returns a reason when it cannot, else null.</summary>
    string? SetState(object? target, object? state);
}

/// <summary>
/// The part of Python's unpickler that lists of numpy arrays need, for protocol 0 (Python 2's default text
/// format) and protocol 2/3 (binary). Any other opcode is refused with its position, and the machine never
/// imports or calls anything: REDUCE and BUILD go to an <see cref="IPickleObjects"/> that knows exactly
/// which objects it builds. Every malformed input is an <see cref="InvalidDataException"/> naming the file.
/// </summary>
internal sealed class PickleMachine
{
    /// <summary>The opcodes this machine executes (name by opcode byte), for messages and documentation.</summary>
    public static readonly FrozenDictionary<byte, string> SupportedOpcodes = new Dictionary<byte, string>
    {
        // protocol 0 (text)
        [(byte)'('] = "MARK", [(byte)'.'] = "STOP", [(byte)'l'] = "LIST", [(byte)'t'] = "TUPLE", [(byte)'a'] = "APPEND",
        [(byte)'p'] = "PUT", [(byte)'g'] = "GET", [(byte)'c'] = "GLOBAL", [(byte)'I'] = "INT", [(byte)'S'] = "STRING",
        [(byte)'N'] = "NONE", [(byte)'R'] = "REDUCE", [(byte)'b'] = "BUILD",
        // protocols 1-3 (binary)
        [0x80] = "PROTO", [(byte)']'] = "EMPTY_LIST", [(byte)'e'] = "APPENDS", [(byte)'q'] = "BINPUT", [(byte)'h'] = "BINGET",
        [(byte)'K'] = "BININT1", [(byte)'M'] = "BININT2", [(byte)'J'] = "BININT", [0x85] = "TUPLE1", [0x86] = "TUPLE2",
        [0x87] = "TUPLE3", [(byte)'C'] = "SHORT_BINBYTES", [(byte)'B'] = "BINBYTES", [(byte)'X'] = "BINUNICODE",
        [0x88] = "NEWTRUE", [0x89] = "NEWFALSE",
    }.ToFrozenDictionary();

    private static readonly object Mark = new();

    private readonly byte[] data;
    private readonly string source;
    private readonly IPickleObjects objects;
    private readonly List<object?> stack = [];
    private readonly List<int> marks = [];
    private readonly Dictionary<long, object?> memo = [];
    private int position;
    private int opcodeStart;
    private byte opcode;

    private PickleMachine(byte[] data, string source, IPickleObjects objects)
    {
        this.data = data;
        this.source = source;
        this.objects = objects;
    }

    /// <summary>Runs the pickle in <paramref name="data"/> to its STOP opcode and returns the object it built.</summary>
    public static object? Run(byte[] data, string source, IPickleObjects objects) => new PickleMachine(data, source, objects).Run();

    private object? Run()
    {
        while (true)
        {
            if (position >= data.Length)
                throw new InvalidDataException($"{source}: ends at byte {data.Length} without a STOP opcode (truncated file?)");
            opcodeStart = position;
            opcode = data[position++];
            switch (opcode)
            {
                case (byte)'.':
                    if (stack.Count != 1 || marks.Count != 0)
                        throw Error($"STOP leaves {stack.Count} objects and {marks.Count} marks on the stack, expected exactly one object");
                    return stack[0];
                case (byte)'(': marks.Add(stack.Count); stack.Add(Mark); break;
                case 0x80:
                    var protocol = ReadBytes(1)[0];
                    if (protocol > 3) throw Error($"protocol {protocol} is not supported (this reader handles protocols 0 to 3)");
                    break;

                case (byte)'N': stack.Add(null); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'I': stack.Add(ParseTextInt(ReadLine())); break;
                case (byte)'K': stack.Add((long)ReadBytes(1)[0]); break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2))); break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4))); break;
                case (byte)'S': stack.Add(DecodePython2StringLiteral(ReadLine())); break;
                case (byte)'C': stack.Add(ReadBytes(ReadBytes(1)[0]).ToArray()); break;
                case (byte)'B': stack.Add(ReadBytes(ReadLength()).ToArray()); break;
                case (byte)'X': stack.Add(DecodeUtf8(ReadBytes(ReadLength()))); break;

                case (byte)']': stack.Add(new List<object?>()); break;
                case (byte)'l': stack.Add(new List<object?>(PopToMark())); break;
                case (byte)'t': stack.Add(new PickleTuple(PopToMark())); break;
                case 0x85: stack.Add(new PickleTuple(PopValues(1))); break;
                case 0x86: stack.Add(new PickleTuple(PopValues(2))); break;
                case 0x87: stack.Add(new PickleTuple(PopValues(3))); break;
                case (byte)'a': Append(PopValues(1)); break;
                case (byte)'e': Append(PopToMark()); break;

                case (byte)'p': memo[ParseMemoKey(ReadLine())] = Peek(); break;
                case (byte)'q': memo[ReadBytes(1)[0]] = Peek(); break;
                case (byte)'g': stack.Add(Recall(ParseMemoKey(ReadLine()))); break;
                case (byte)'h': stack.Add(Recall(ReadBytes(1)[0])); break;

                case (byte)'c':
                    var module = DecodeAscii(ReadLine());
                    var name = DecodeAscii(ReadLine());
                    if (!objects.AllowsGlobal(module, name))
                        throw Error($"global '{module}.{name}' is not allowed (this reader builds only numpy float32 arrays)");
                    stack.Add(new PickleGlobal(module, name));
                    break;
                case (byte)'R':
                    var arguments = PopValues(1)[0];
                    var callable = PopValues(1)[0];
                    if (callable is not PickleGlobal function || arguments is not PickleTuple tuple)
                        throw Error($"REDUCE needs a global and an argument tuple, found {Describe(callable)} and {Describe(arguments)}");
                    var built = objects.Call(function, tuple, out var refusal);
                    if (refusal is not null) throw Error($"call of {function}: {refusal}");
                    stack.Add(built);
                    break;
                case (byte)'b':
                    var state = PopValues(1)[0];
                    var problem = objects.SetState(Peek(), state);
                    if (problem is not null) throw Error(problem);
                    break;

                default:
                    var shown = opcode is >= 0x21 and < 0x7f ? $" '{(char)opcode}'" : "";
                    throw new InvalidDataException(
                        $"{source}: opcode 0x{opcode:x2}{shown} at byte {opcodeStart} is not supported (this reader handles only pickled lists of numpy float32 arrays)");
            }
        }
    }

    private InvalidDataException Error(string message)
    {
        var printable = opcode is >= 0x21 and < 0x7f ? $" '{(char)opcode}'" : "";
        return new InvalidDataException($"{source}: {message} (opcode {SupportedOpcodes[opcode]} 0x{opcode:x2}{printable} at byte {opcodeStart})");
    }

    private ReadOnlySpan<byte> ReadBytes(long count)
    {
        if (count > data.Length - position)
            throw Error($"the file ends at byte {data.Length} but the argument needs {count} bytes from byte {position} (truncated file?)");
        var span = data.AsSpan(position, (int)count);
        position += (int)count;
        return span;
    }

    private long ReadLength() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    /// <summary>The argument of a text opcode: the bytes up to the next newline (not included).</summary>
    private ReadOnlySpan<byte> ReadLine()
    {
        var end = data.AsSpan(position).IndexOf((byte)'\n');
        if (end < 0) throw Error($"the argument starting at byte {position} has no terminating newline (truncated file?)");
        var line = data.AsSpan(position, end);
        position += end + 1;
        return line;
    }

    private object? Peek() => stack.Count > 0 && stack[^1] != Mark ? stack[^1] : throw Error("the stack holds no object here");

    private object? Recall(long key) => memo.TryGetValue(key, out var value) ? value : throw Error($"memo entry {key} was never stored");

    private List<object?> PopValues(int count)
    {
        var first = stack.Count - count;
        if (first < 0 || (marks.Count > 0 && first <= marks[^1]))
            throw Error($"needs {count} object(s) on the stack above the last mark");
        var values = stack.GetRange(first, count);
        stack.RemoveRange(first, count);
        return values;
    }

    private List<object?> PopToMark()
    {
        if (marks.Count == 0) throw Error("needs a MARK on the stack, found none");
        var mark = marks[^1];
        marks.RemoveAt(marks.Count - 1);
        var values = stack.GetRange(mark + 1, stack.Count - mark - 1);
        stack.RemoveRange(mark, stack.Count - mark);
        return values;
    }

    private void Append(List<object?> values)
    {
        if (Peek() is not List<object?> list) throw Error($"appends to {Describe(Peek())}, expected a list");
        list.AddRange(values);
    }

    private object ParseTextInt(ReadOnlySpan<byte> line)
    {
        // Protocol 0 writes True and False as "I01" and "I00".
        if (line.SequenceEqual("01"u8)) return true;
        if (line.SequenceEqual("00"u8)) return false;
        if (!long.TryParse(line, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error($"'{DecodeForMessage(line)}' is not an integer");
        return value;
    }

    private long ParseMemoKey(ReadOnlySpan<byte> line) =>
        long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : throw Error($"'{DecodeForMessage(line)}' is not a memo key");

    private string DecodeAscii(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
            if (b is < 0x20 or >= 0x7f) throw Error("a global's module or name is not printable ASCII");
        return Encoding.ASCII.GetString(line);
    }

    private string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error("the string is not valid UTF-8");
        }
    }

    /// <summary>
    /// A Python 2 str literal as repr() writes it ('…' or "…" with backslash escapes); its bytes are the
    /// str's bytes, which is how protocol 0 stores a numpy array's raw data.
    /// </summary>
    private byte[] DecodePython2StringLiteral(ReadOnlySpan<byte> line)
    {
        if (line.Length < 2 || (line[0] != '\'' && line[0] != '"') || line[^1] != line[0])
            throw Error("the STRING argument is not a quoted literal");
        var body = line[1..^1];
        var result = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\') { result.Add(body[i]); continue; }
            if (++i >= body.Length) throw Error("the STRING literal ends with a lone backslash");
            var c = body[i];
            switch (c)
            {
                case (byte)'\\': case (byte)'\'': case (byte)'"': result.Add(c); break;
                case (byte)'n': result.Add((byte)'\n'); break;
                case (byte)'r': result.Add((byte)'\r'); break;
                case (byte)'t': result.Add((byte)'\t'); break;
                case (byte)'a': result.Add(0x07); break;
                case (byte)'b': result.Add(0x08); break;
                case (byte)'f': result.Add(0x0c); break;
                case (byte)'v': result.Add(0x0b); break;
                case (byte)'x':
                    if (i + 2 >= body.Length)
                        throw Error("a \\x escape in the STRING literal needs two hex digits");
                    if (!byte.TryParse(body.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
                        throw Error($"'\\x{DecodeForMessage(body.Slice(i + 1, 2))}' in the STRING literal is not a hex escape");
                    result.Add(hex);
                    i += 2;
                    break;
                case >= (byte)'0' and <= (byte)'7':
                    var octal = 0;
                    var digits = 0;
                    while (digits < 3 && i < body.Length && body[i] is >= (byte)'0' and <= (byte)'7')
                    {
                        octal = octal * 8 + (body[i] - '0');
                        i++;
                        digits++;
                    }
                    i--;
                    result.Add((byte)octal);
                    break;
                default:
                    // Python keeps an unknown escape as it is.
                    result.Add((byte)'\\');
                    result.Add(c);
                    break;
            }
        }
        return result.ToArray();
    }

    private static string DecodeForMessage(ReadOnlySpan<byte> bytes) =>
        Encoding.Latin1.GetString(bytes.Length > 40 ? bytes[..40] : bytes);

    internal static string Describe(object? value) => value switch
    {
        null => "None",
        PickleGlobal g => $"global {g}",
        PickleTuple t => $"a tuple of {t.Items.Count}",
        List<object?> l => $"a list of {l.Count}",
        byte[] b => $"{b.Length} bytes",
        string s => $"the string '{(s.Length > 40 ? s[..40] + "…" : s)}'",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ when value == Mark => "a MARK",
        _ => value.GetType().Name,
    };
}
