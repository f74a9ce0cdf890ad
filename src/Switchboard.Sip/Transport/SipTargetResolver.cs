using System.Net;
using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Transport;

/// <summary>
/// Where a request goes (RFC 3261 §8.1.2, a subset of RFC 3263): to the first Route if there is one, else to the
/// Request-URI; host as an address or by an A/AAAA lookup, port 5060 unless given, TCP when transport=tcp.
/// </summary>
public static class SipTargetResolver
{
    public const int DefaultPort = 5060;

    public static async Task<SipTransportAddress> ResolveAsync(SipRequest request, CancellationToken cancellationToken)
    {
        SipUri uri;
        if (request.TryGetRoutes(out var routes) && routes.Count > 0)
            uri = routes[0].Uri;
        else if (!SipUri.TryParse(request.RequestUri, out uri))
            throw new ArgumentException("The Request-URI is not a URI.", nameof(request));
        return await ResolveAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<SipTransportAddress> ResolveAsync(SipUri uri, CancellationToken cancellationToken)
    {
        if (!uri.IsSip)
            throw new ArgumentException("Only sip: URIs can be sent to.", nameof(uri));
        var host = Encoding.ASCII.GetString(uri.Host.Span).Trim('[', ']');
        if (!IPAddress.TryParse(host, out var address))
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            address = addresses.Length > 0 ? addresses[0] : throw new ArgumentException($"{host} has no address.", nameof(uri));
        }
        var transport = uri.Parameters.TryGetValue("transport"u8, out var name) && Ascii.EqualsIgnoreCase(name.Span, "tcp"u8)
            ? SipTransportKind.Tcp
            : SipTransportKind.Udp;
        return new SipTransportAddress(transport, new IPEndPoint(address, uri.Port ?? DefaultPort));
    }
}
