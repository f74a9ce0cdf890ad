using System.Text;

namespace Switchboard.Testing.Fuzz;

/// <summary>
/// Seeded mutations of real SIP messages: bytes flipped, inserted, deleted, repeated and cut; numbers made extreme;
/// bare CR, LF and NUL inside lines; header lines repeated; messages spliced. The same seed gives the same inputs.
/// </summary>
public sealed class SipMutator(int seed, IReadOnlyList<byte[]> corpus)
{
    private static readonly byte[] Interesting = "\r\n\0 \t:;,=\"<>%@[]\\/"u8.ToArray().Concat(new byte[] { 0x7F, 0xC3, 0xFF }).ToArray();
    private static readonly string[] ExtremeNumbers = ["0", "-1", "4294967295", "4294967296", "2147483648", "99999999999999999999999", "1e9", "007"];
    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        var input = new List<byte>(corpus[_random.Next(corpus.Count)]);
        var mutations = 1 + _random.Next(4);
        for (var i = 0; i < mutations && input.Count > 0; i++)
            Mutate(input);
        return [.. input];
    }

    private void Mutate(List<byte> input)
    {
        var at = _random.Next(input.Count);
        switch (_random.Next(10))
        {
            case 0:
                input[at] = (byte)_random.Next(256);
                break;
            case 1:
                input.InsertRange(at, Enumerable.Range(0, 1 + _random.Next(8)).Select(_ => Interesting[_random.Next(Interesting.Length)]));
                break;
            case 2:
                input.RemoveRange(at, Math.Min(1 + _random.Next(32), input.Count - at));
                break;
            case 3:
                input.InsertRange(_random.Next(input.Count), input.GetRange(at, Math.Min(1 + _random.Next(200), input.Count - at)));
                break;
            case 4:
                input.RemoveRange(at, input.Count - at);
                break;
            case 5:
                ReplaceNumber(input, at);
                break;
            case 6:
                // A line break alone inside a line: what once broke the 400 (issue 10, finding 1).
                input.Insert(at, _random.Next(2) == 0 ? (byte)'\n' : (byte)'\r');
                break;
            case 7:
                var other = corpus[_random.Next(corpus.Count)];
                var start = _random.Next(other.Length);
                input.InsertRange(at, other.Skip(start).Take(1 + _random.Next(300)));
                break;
            case 8:
                RepeatLine(input, at);
                break;
            default:
                SetContentLength(input);
                break;
        }
    }

    private void ReplaceNumber(List<byte> input, int at)
    {
        while (at < input.Count && !char.IsAsciiDigit((char)input[at]))
            at++;
        var end = at;
        while (end < input.Count && char.IsAsciiDigit((char)input[end]))
            end++;
        if (at == input.Count)
            return;
        input.RemoveRange(at, end - at);
        input.InsertRange(at, Encoding.ASCII.GetBytes(ExtremeNumbers[_random.Next(ExtremeNumbers.Length)]));
    }

    private void RepeatLine(List<byte> input, int at)
    {
        var start = input.LastIndexOf((byte)'\n', at) + 1;
        var end = input.IndexOf((byte)'\n', at);
        if (end < 0)
            return;
        var line = input.GetRange(start, end - start + 1);
        var copies = 1 + _random.Next(_random.Next(2) == 0 ? 3 : 200);
        for (var i = 0; i < copies; i++)
            input.InsertRange(start, line);
    }

    private void SetContentLength(List<byte> input)
    {
        var text = Encoding.Latin1.GetString([.. input]);
        var header = text.IndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
        if (header < 0)
            return;
        var valueStart = header + "Content-Length:".Length;
        var lineEnd = text.IndexOf('\r', valueStart);
        if (lineEnd < 0)
            return;
        var value = ExtremeNumbers[_random.Next(ExtremeNumbers.Length)];
        if (_random.Next(2) == 0)
            value = _random.Next(70_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        input.RemoveRange(valueStart, lineEnd - valueStart);
        input.InsertRange(valueStart, Encoding.ASCII.GetBytes(" " + value));
    }
}
