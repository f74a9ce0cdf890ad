using System.Text;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>A request: method and Request-URI (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    public SipRequest(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri)
        : this(method.ToArray(), requestUri.ToArray(), Sip20)
    {
        if (!SipSyntax.IsToken(method))
            ThrowHelper.ThrowArgument("A method is a token.", nameof(method));
        if (!SipUri.TryParse(RequestUri, out _))
            ThrowHelper.ThrowArgument("The Request-URI is not a URI.", nameof(requestUri));
    }

    public SipRequest(string method, string requestUri)
        : this(Encoding.UTF8.GetBytes(method), Encoding.UTF8.GetBytes(requestUri))
    {
    }

    internal SipRequest(ReadOnlyMemory<byte> method, ReadOnlyMemory<byte> requestUri, ReadOnlyMemory<byte> version)
        : base(version)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>Case-sensitive, as RFC 3261 §7.1 says; compare with <see cref="IsMethod"/>.</summary>
    public ReadOnlyMemory<byte> Method { get; }

    /// <summary>The Request-URI as received; any scheme. Parse it with <see cref="SipUri.TryParse"/>.</summary>
    public ReadOnlyMemory<byte> RequestUri { get; }

    public bool IsMethod(ReadOnlySpan<byte> method) => Method.Span.SequenceEqual(method);

    public override string ToString() => $"{Encoding.UTF8.GetString(Method.Span)} {Encoding.UTF8.GetString(RequestUri.Span)}";
}
