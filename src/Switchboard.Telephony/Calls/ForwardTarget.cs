using Switchboard.Sip.Transport;
using SipUri = Switchboard.Sip.SipUri;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// Where a forward goes: a SIP URI where it names, a number to the outbound trunk as number@host.
/// <see cref="Destination"/> is null when it cannot be reached, and <see cref="Reason"/> says why.
/// </summary>
internal sealed record ForwardTarget(string RequestUri, SipTransportAddress? Destination, string Reason)
{
    public static async Task<ForwardTarget> ResolveAsync(BackToBackUserAgent owner, string destination, CancellationToken cancellationToken)
    {
        var requestUri = destination;
        if (!destination.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && !destination.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            if (owner.Directory.FindOutboundHost() is not { } host)
                return new(destination, null, $"no trunk takes outbound calls to {destination}");
            requestUri = $"sip:{destination}@{host}";
        }

        if (!SipUri.TryParse(System.Text.Encoding.UTF8.GetBytes(requestUri), out var uri))
            return new(requestUri, null, $"{requestUri} is not a SIP URI");
        try
        {
            return new(requestUri, await SipTargetResolver.ResolveAsync(uri, cancellationToken).ConfigureAwait(false), "");
        }
        catch (Exception exception) when (exception is ArgumentException or System.Net.Sockets.SocketException)
        {
            return new(requestUri, null, $"{requestUri} cannot be reached: {exception.Message}");
        }
    }
}
