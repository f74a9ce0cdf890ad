using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// The state of a dialog (RFC 3261 §12): identity, both parties, the remote target and route set, and the sequence
/// numbers. It builds in-dialog requests (§12.2.1.1) and checks the order of the peer's (§12.2.2).
/// </summary>
public sealed class SipDialog
{
    private const string LooseRouteParameter = "lr";

    private SipDialog(SipDialogId id, string localParty, string remoteParty, string remoteTarget, IReadOnlyList<string> routeSet,
        uint localSequence, uint? remoteSequence, string localContact, bool isCaller)
    {
        Id = id;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        LocalSequence = localSequence;
        RemoteSequence = remoteSequence;
        LocalContact = localContact;
        IsCaller = isCaller;
    }

    public SipDialogId Id { get; }

    /// <summary>Our From value in requests we send, with our tag.</summary>
    public string LocalParty { get; }

    /// <summary>Our To value in requests we send, with the peer's tag.</summary>
    public string RemoteParty { get; }

    /// <summary>Where in-dialog requests go: the peer's Contact URI, refreshed by re-INVITE and UPDATE.</summary>
    public string RemoteTarget { get; private set; }

    /// <summary>Route entries in the order requests carry them.</summary>
    public IReadOnlyList<string> RouteSet { get; }

    /// <summary>The CSeq of the last request we sent in the dialog.</summary>
    public uint LocalSequence { get; private set; }

    /// <summary>The CSeq of the last request the peer sent; null until it sent one.</summary>
    public uint? RemoteSequence { get; private set; }

    /// <summary>Our Contact URI, sent in target-refresh requests.</summary>
    public string LocalContact { get; }

    /// <summary>True on the side that sent the INVITE (UAC).</summary>
    public bool IsCaller { get; }

    /// <summary>
    /// The dialog a UAS creates when it answers an INVITE with <paramref name="response"/> (1xx with tag or 2xx,
    /// §12.1.1): route set from Record-Route in order, remote target from the INVITE's Contact.
    /// </summary>
    public static SipDialog CreateForUas(SipRequest invite, SipResponse response, string localContact)
    {
        // The response's From tag is the caller's and its To tag ours: the reverse of a response we receive.
        if (!SipDialogId.TryForReceived(response, out var seenAsCaller))
            throw new ArgumentException("The response has no To tag.", nameof(response));
        var id = new SipDialogId(seenAsCaller.CallId, seenAsCaller.RemoteTag, seenAsCaller.LocalTag);
        invite.TryGetCSeq(out var cseq);
        return new SipDialog(id, Header(response, SipHeaderNames.To), Header(invite, SipHeaderNames.From), ContactUri(invite),
            ListElements(invite, SipHeaderNames.RecordRoute, reverse: false), 0, cseq.Number, localContact, isCaller: false);
    }

    /// <summary>
    /// The dialog a UAC creates from a response to its INVITE (§12.1.2): route set from Record-Route reversed,
    /// remote target from the response's Contact.
    /// </summary>
    public static SipDialog CreateForUac(SipRequest invite, SipResponse response, string localContact)
    {
        if (!SipDialogId.TryForReceived(response, out var id))
            throw new ArgumentException("The response has no To tag.", nameof(response));
        invite.TryGetCSeq(out var cseq);
        return new SipDialog(id, Header(invite, SipHeaderNames.From), Header(response, SipHeaderNames.To), ContactUri(response),
            ListElements(response, SipHeaderNames.RecordRoute, reverse: true), cseq.Number, null, localContact, isCaller: true);
    }

    /// <summary>A request within the dialog (BYE, re-INVITE, UPDATE, INFO...) with the next local CSeq and the route set.</summary>
    public SipRequest CreateRequest(string method)
    {
        LocalSequence++;
        return Build(method, LocalSequence);
    }

    /// <summary>The ACK for a 2xx to the INVITE with CSeq <paramref name="inviteSequence"/> (§13.2.2.4): routed like any in-dialog request.</summary>
    public SipRequest CreateAck(uint inviteSequence) => Build("ACK", inviteSequence);

    /// <summary>
    /// Checks a request the peer sent in this dialog: false when it is out of order (answer 500, §12.2.2). A
    /// target-refresh request with a Contact moves the remote target.
    /// </summary>
    public bool TryAcceptRequest(SipRequest request)
    {
        if (!request.TryGetCSeq(out var cseq))
            return false;
        if (!request.IsMethod(SipMethods.Ack) && !request.IsMethod(SipMethods.Cancel))
        {
            if (RemoteSequence is { } last && cseq.Number < last)
                return false;
            RemoteSequence = cseq.Number;
        }
        if (request.IsMethod(SipMethods.Invite) || request.IsMethod(SipMethods.Update))
            RefreshTarget(request);
        return true;
    }

    /// <summary>A 2xx to our re-INVITE or UPDATE refreshes the remote target from its Contact (§12.2.1.2).</summary>
    public void RefreshTarget(SipMessage targetRefresh)
    {
        if (targetRefresh.TryGetContacts(out var contacts) && contacts.Contacts.Count > 0)
            RemoteTarget = contacts.Contacts[0].Uri.ToString();
    }

    private SipRequest Build(string method, uint sequence)
    {
        var requestUri = RemoteTarget;
        var routes = new List<string>(RouteSet);
        if (routes.Count > 0 && NameAddress.TryParse(Encoding.UTF8.GetBytes(routes[0]), out var first)
            && !first.Uri.Parameters.Contains(Encoding.ASCII.GetBytes(LooseRouteParameter)))
        {
            // A strict router (RFC 2543) wants itself as the Request-URI and the remote target as the last Route (§12.2.1.1).
            requestUri = first.Uri.ToString();
            routes.RemoveAt(0);
            routes.Add($"<{RemoteTarget}>");
        }
        var request = new SipRequest(method, requestUri);
        foreach (var route in routes)
            request.Headers.Add("Route", route);
        request.Headers.Add("From", LocalParty);
        request.Headers.Add("To", RemoteParty);
        request.Headers.Add("Call-ID", Id.CallId);
        request.Headers.Add("CSeq", $"{sequence} {method}");
        request.Headers.Add("Max-Forwards", "70");
        if (method is "INVITE" or "UPDATE")
            request.Headers.Add("Contact", $"<{LocalContact}>");
        return request;
    }

    private static string Header(SipMessage message, ReadOnlySpan<byte> name) =>
        message.Headers.TryGetValue(name, out var value) ? Encoding.UTF8.GetString(value.Span) : "";

    private static string ContactUri(SipMessage message) =>
        message.TryGetContacts(out var contacts) && contacts.Contacts.Count > 0
            ? contacts.Contacts[0].Uri.ToString()
            : throw new ArgumentException("A dialog needs the peer's Contact.", nameof(message));

    private static List<string> ListElements(SipMessage message, ReadOnlySpan<byte> name, bool reverse)
    {
        var elements = message.Headers.GetListElements(name).Select(element => Encoding.UTF8.GetString(element.Span)).ToList();
        if (reverse)
            elements.Reverse();
        return elements;
    }
}
