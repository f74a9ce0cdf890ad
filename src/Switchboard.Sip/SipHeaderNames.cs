using System.Text;

namespace Switchboard.Sip;

/// <summary>
/// Header field names of RFC 3261 and its common extensions. Compact forms (§7.3.3) and any spelling of a
/// known name resolve to the one canonical spelling, so a message holds and writes full names only.
/// </summary>
public static class SipHeaderNames
{
    public static ReadOnlySpan<byte> Via => "Via"u8;
    public static ReadOnlySpan<byte> From => "From"u8;
    public static ReadOnlySpan<byte> To => "To"u8;
    public static ReadOnlySpan<byte> CallId => "Call-ID"u8;
    public static ReadOnlySpan<byte> CSeq => "CSeq"u8;
    public static ReadOnlySpan<byte> MaxForwards => "Max-Forwards"u8;
    public static ReadOnlySpan<byte> Contact => "Contact"u8;
    public static ReadOnlySpan<byte> ContentLength => "Content-Length"u8;
    public static ReadOnlySpan<byte> ContentType => "Content-Type"u8;
    public static ReadOnlySpan<byte> Route => "Route"u8;
    public static ReadOnlySpan<byte> RecordRoute => "Record-Route"u8;
    public static ReadOnlySpan<byte> Expires => "Expires"u8;
    public static ReadOnlySpan<byte> Allow => "Allow"u8;
    public static ReadOnlySpan<byte> Supported => "Supported"u8;
    public static ReadOnlySpan<byte> Require => "Require"u8;
    public static ReadOnlySpan<byte> SessionExpires => "Session-Expires"u8;
    public static ReadOnlySpan<byte> MinSe => "Min-SE"u8;
    public static ReadOnlySpan<byte> Timestamp => "Timestamp"u8;
    public static ReadOnlySpan<byte> WwwAuthenticate => "WWW-Authenticate"u8;
    public static ReadOnlySpan<byte> ProxyAuthenticate => "Proxy-Authenticate"u8;
    public static ReadOnlySpan<byte> Authorization => "Authorization"u8;
    public static ReadOnlySpan<byte> ProxyAuthorization => "Proxy-Authorization"u8;

    // Canonical spellings, kept as arrays so every parsed header can point at them without allocating.
    private static readonly byte[][] Known = Encode(
        "Via", "From", "To", "Call-ID", "CSeq", "Max-Forwards", "Contact", "Content-Length", "Content-Type",
        "Content-Encoding", "Subject", "Supported", "Event", "Allow-Events", "Refer-To", "Referred-By",
        "Session-Expires", "Min-SE", "Identity", "Route", "Record-Route", "Allow", "Expires", "Min-Expires", "Require",
        "Proxy-Require", "Unsupported", "WWW-Authenticate", "Proxy-Authenticate", "Authorization",
        "Proxy-Authorization", "Authentication-Info", "User-Agent", "Server", "Accept", "Accept-Encoding",
        "Accept-Language", "Timestamp", "Date", "Retry-After", "Reason", "Warning", "Organization", "Priority",
        "Reply-To", "In-Reply-To", "Alert-Info", "Call-Info", "Error-Info", "MIME-Version", "Content-Disposition",
        "Content-Language");

    // RFC 3261 §7.3.3 and the extensions that registered the remaining letters (RFC 3265, 3515, 3892, 4028, 4474).
    private static readonly (byte Letter, byte[] Name)[] Compact =
    [
        ((byte)'i', Find("Call-ID")), ((byte)'m', Find("Contact")), ((byte)'e', Find("Content-Encoding")),
        ((byte)'l', Find("Content-Length")), ((byte)'c', Find("Content-Type")), ((byte)'f', Find("From")),
        ((byte)'s', Find("Subject")), ((byte)'k', Find("Supported")), ((byte)'t', Find("To")),
        ((byte)'v', Find("Via")), ((byte)'o', Find("Event")), ((byte)'u', Find("Allow-Events")),
        ((byte)'r', Find("Refer-To")), ((byte)'b', Find("Referred-By")), ((byte)'x', Find("Session-Expires")),
        ((byte)'y', Find("Identity")),
    ];

    /// <summary>The canonical spelling of a known header name or compact form; null for any other name.</summary>
    internal static byte[]? Canonical(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var letter = (byte)(name[0] | 0x20);
            foreach (var (compactLetter, fullName) in Compact)
            {
                if (compactLetter == letter)
                    return fullName;
            }
            return null;
        }
        foreach (var known in Known)
        {
            if (known.Length == name.Length && Ascii.EqualsIgnoreCase(known, name))
                return known;
        }
        return null;
    }

    /// <summary>Whether two names denote the same header, compact forms included.</summary>
    internal static bool AreSame(ReadOnlySpan<byte> canonicalName, ReadOnlySpan<byte> name)
    {
        var other = name.Length == 1 ? Canonical(name) : null;
        return Ascii.EqualsIgnoreCase(canonicalName, other ?? name);
    }

    private static byte[][] Encode(params string[] names) => Array.ConvertAll(names, Encoding.ASCII.GetBytes);

    private static byte[] Find(string name) => Array.Find(Known, known => Encoding.ASCII.GetString(known) == name)!;
}
