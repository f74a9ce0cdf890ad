using System.Text;

namespace Switchboard.Sip.Internal;

/// <summary>Request-Line and Status-Line (RFC 3261 §7.1, §7.2): single spaces, nothing after the version.</summary>
internal static class StartLineParser
{
    public static bool TryParse(ReadOnlyMemory<byte> line, out SipMessage message, out SipParseError error)
    {
        var span = line.Span;
        return span.Length > 4 && Ascii.EqualsIgnoreCase(span[..4], "SIP/"u8)
            ? TryParseStatusLine(line, out message, out error)
            : TryParseRequestLine(line, out message, out error);
    }

    private static bool TryParseRequestLine(ReadOnlyMemory<byte> line, out SipMessage message, out SipParseError error)
    {
        message = null!;
        var span = line.Span;
        var methodEnd = span.IndexOf(SipSyntax.Space);
        if (methodEnd <= 0 || !SipSyntax.IsToken(span[..methodEnd]))
        {
            error = ParseErrors.BadRequestLine();
            return false;
        }
        var uriStart = methodEnd + 1;
        var uriLength = span[uriStart..].IndexOf(SipSyntax.Space);
        if (uriLength <= 0)
        {
            error = ParseErrors.BadRequestLine();
            return false;
        }
        var version = line[(uriStart + uriLength + 1)..];
        if (version.Span.IndexOfAny(SipSyntax.Space, SipSyntax.Tab) >= 0)
        {
            error = ParseErrors.BadRequestLine();
            return false;
        }
        if (!IsVersion(version.Span))
        {
            error = ParseErrors.BadVersion();
            return false;
        }
        var requestUri = line.Slice(uriStart, uriLength);
        if (!SipUri.TryParse(requestUri, out _))
        {
            error = ParseErrors.BadRequestUri();
            return false;
        }
        message = new SipRequest(line[..methodEnd], requestUri, version);
        error = SipParseError.None;
        return true;
    }

    private static bool TryParseStatusLine(ReadOnlyMemory<byte> line, out SipMessage message, out SipParseError error)
    {
        message = null!;
        var span = line.Span;
        var versionEnd = span.IndexOf(SipSyntax.Space);
        if (versionEnd < 0 || !IsVersion(span[..versionEnd]))
        {
            error = ParseErrors.BadVersion();
            return false;
        }
        var codeStart = versionEnd + 1;
        var codeEnd = codeStart;
        while (codeEnd < span.Length && SipSyntax.IsDigit(span[codeEnd]))
            codeEnd++;
        // Exactly three digits, then the separating space (tolerated missing when the phrase is empty).
        if (codeEnd - codeStart != 3 || (codeEnd < span.Length && span[codeEnd] != SipSyntax.Space)
            || !SipSyntax.TryParseNumber(span[codeStart..codeEnd], 699, out var code) || code < 100)
        {
            error = ParseErrors.BadStatusCode();
            return false;
        }
        var reason = codeEnd < span.Length ? line[(codeEnd + 1)..] : default;
        foreach (var b in reason.Span)
        {
            if (b < 0x20 && b != SipSyntax.Tab)
            {
                error = ParseErrors.BadStatusLine();
                return false;
            }
        }
        message = new SipResponse((int)code, reason, line[..versionEnd]);
        error = SipParseError.None;
        return true;
    }

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT; any version, so that the receiver can answer 505.</summary>
    private static bool IsVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length < 7 || !Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8))
            return false;
        var numbers = version[4..];
        var dot = numbers.IndexOf((byte)'.');
        return dot > 0 && dot < numbers.Length - 1
            && SipSyntax.TryParseNumber(numbers[..dot], int.MaxValue, out _)
            && SipSyntax.TryParseNumber(numbers[(dot + 1)..], int.MaxValue, out _);
    }
}
