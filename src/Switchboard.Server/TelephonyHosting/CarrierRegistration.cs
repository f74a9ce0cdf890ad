using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Switchboard.Domain.Trunks;
using Switchboard.Sip;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// The REGISTER requests of one trunk to its carrier (RFC 3261 §10.2): one Call-ID and From tag for all of them and a
/// CSeq that only grows (§10.2.4), each answering at most one digest challenge with the stored password.
/// </summary>
public sealed class CarrierRegistration(SipEndpoint endpoint, TrunkRegistration registration)
{
    private readonly string _callId = $"{Guid.NewGuid():N}@switchboard";
    private readonly string _fromTag = Encoding.ASCII.GetString(SipTag.Create());
    private uint _nextCSeq = 1;

    public TrunkRegistration Registration => registration;

    /// <summary>Registers our contact for <paramref name="expires"/>; zero removes it.</summary>
    public async Task<RegistrationOutcome> RegisterAsync(TimeSpan expires, CancellationToken cancellationToken)
    {
        try
        {
            var request = CreateRequest(expires);
            var destination = await SipTargetResolver.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
            // Our contact names the address on the way to the registrar, known once it is resolved.
            request.Headers.Add("Contact", $"<{endpoint.ContactUri(destination, registration.Username)}>");
            var contact = ContactOf(request);
            var response = await SendAsync(request, destination, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is 401 or 407
                && DigestClient.TryCreateAuthorizedRetry(request, response, registration.Username, registration.Password, out var retry))
            {
                response = await SendAsync(retry, destination, cancellationToken).ConfigureAwait(false);
            }
            return response.StatusCode is >= 200 and < 300
                ? RegistrationOutcome.Registered(GrantedExpiry(response, contact, expires))
                : RegistrationOutcome.Failed(response.ToString());
        }
        catch (Exception exception) when (exception is ArgumentException or SocketException)
        {
            // The registrar's name does not resolve, or SIP is not open.
            return RegistrationOutcome.Failed(exception.Message);
        }
    }

    private SipRequest CreateRequest(TimeSpan expires)
    {
        var host = HostOf(registration.Registrar);
        var addressOfRecord = $"<sip:{registration.Username}@{host}>";
        var request = new SipRequest("REGISTER", $"sip:{registration.Registrar}");
        request.Headers.Add("From", $"{addressOfRecord};tag={_fromTag}");
        request.Headers.Add("To", addressOfRecord);
        request.Headers.Add("Call-ID", _callId);
        request.Headers.Add("CSeq", $"{_nextCSeq++} REGISTER");
        request.Headers.Add("Expires", ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return request;
    }

    private async Task<SipResponse> SendAsync(SipRequest request, SipTransportAddress destination, CancellationToken cancellationToken)
    {
        // The digest retry carries the next CSeq; later requests continue after it.
        if (request.TryGetCSeq(out var cseq) && cseq.Number >= _nextCSeq)
            _nextCSeq = cseq.Number + 1;
        var transaction = endpoint.SendRequest(request, destination);
        return await transaction.FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A registrar may grant less than asked: the expires of our contact in the 200, else its Expires header (§10.2.4).</summary>
    private static TimeSpan GrantedExpiry(SipResponse response, string contact, TimeSpan requested)
    {
        if (response.TryGetContacts(out var contacts)
            && contacts.Contacts.FirstOrDefault(c => string.Equals(c.Uri.ToString(), contact, StringComparison.OrdinalIgnoreCase)) is { Expires: { } seconds })
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return response.TryGetExpires(out var expires) ? TimeSpan.FromSeconds(expires) : requested;
    }

    private static string ContactOf(SipRequest request) =>
        request.TryGetContacts(out var contacts) && contacts.Contacts.Count > 0 ? contacts.Contacts[0].Uri.ToString() : "";

    /// <summary>The address-of-record's domain: the registrar without its port ("[2001:db8::1]:5060" → "[2001:db8::1]").</summary>
    private static string HostOf(string registrar)
    {
        if (registrar.StartsWith('['))
            return registrar[..(registrar.IndexOf(']', StringComparison.Ordinal) + 1)];
        var colon = registrar.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? registrar : registrar[..colon];
    }
}
