using System.Text;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>A response: status code and reason phrase (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    public SipResponse(int statusCode, ReadOnlySpan<byte> reasonPhrase)
        : this(statusCode, reasonPhrase.ToArray(), Sip20)
    {
        if (statusCode is < 100 or > 699)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(statusCode), "A status code is from 100 to 699.");
        if (reasonPhrase.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            ThrowHelper.ThrowArgument("A reason phrase is one line.", nameof(reasonPhrase));
    }

    /// <summary>A response with the usual reason phrase of its code.</summary>
    public SipResponse(int statusCode)
        : this(statusCode, SipReasonPhrases.For(statusCode))
    {
    }

    internal SipResponse(int statusCode, ReadOnlyMemory<byte> reasonPhrase, ReadOnlyMemory<byte> version)
        : base(version)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    /// <summary>UTF-8 text meant for people, possibly empty.</summary>
    public ReadOnlyMemory<byte> ReasonPhrase { get; }

    public override string ToString() => $"{StatusCode} {Encoding.UTF8.GetString(ReasonPhrase.Span)}";
}
