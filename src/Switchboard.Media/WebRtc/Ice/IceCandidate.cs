using System.Globalization;
using System.Net;

namespace Switchboard.Media.WebRtc.Ice;

/// <summary>
/// A host candidate as the a=candidate value (RFC 8839 §5.1), e.g.
/// <c>1 1 udp 2130706431 192.0.2.10 40000 typ host</c>. An ICE-lite agent offers only host candidates.
/// </summary>
public sealed record IceCandidate(string Foundation, int Component, uint Priority, IPEndPoint EndPoint)
{
    /// <summary>RTP is component 1; with rtcp-mux it is the only one.</summary>
    public const int RtpComponent = 1;

    /// <summary>Type preference of host candidates (RFC 8445 §5.1.2.2).</summary>
    private const uint HostTypePreference = 126;

    /// <summary>The local preference of a single-homed agent (RFC 8445 §5.1.2.1).</summary>
    private const uint SingleAddressLocalPreference = 65535;

    /// <summary>
    /// A host candidate on <paramref name="endPoint"/>. Candidates on different addresses need different
    /// foundations (RFC 8445 §5.1.1.3), hence <paramref name="foundation"/>.
    /// </summary>
    public static IceCandidate Host(IPEndPoint endPoint, string foundation = "1", int component = RtpComponent) =>
        new(foundation, component, ComputePriority(HostTypePreference, SingleAddressLocalPreference, component), endPoint);

    /// <summary>priority = 2^24 × type preference + 2^8 × local preference + (256 − component) (RFC 8445 §5.1.2.1).</summary>
    public static uint ComputePriority(uint typePreference, uint localPreference, int component) =>
        (typePreference << 24) + (localPreference << 8) + (uint)(256 - component);

    /// <summary>The value after "a=candidate:".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Foundation} {Component} udp {Priority} {EndPoint.Address} {EndPoint.Port} typ host");
}
