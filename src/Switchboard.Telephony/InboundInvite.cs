using System.Text;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using SipUri = Switchboard.Sip.SipUri;

namespace Switchboard.Telephony;

/// <summary>What an incoming INVITE says about its call: who calls, which number, under which Call-ID.</summary>
internal sealed record InboundInvite(
    Guid CallId,
    string SipCallId,
    string? CallerUser,
    string? CallerName,
    string DialledUser,
    IReadOnlyList<string> DialledCandidates,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset StartedAt)
{
    /// <summary>Our number in E.164 form once the route is found; until then the user part as dialled.</summary>
    public string DialledNumber { get; init; } = DialledUser;

    /// <summary>The caller as a number when the From user is one (with or without '+'), else the SIP user as sent.</summary>
    public string? CallerNumber => CallerUser is null ? null : AsE164(CallerUser) ?? CallerUser;

    public static InboundInvite Read(SipRequest request, DateTimeOffset now)
    {
        request.TryGetCallId(out var callId);
        string? callerUser = null;
        string? callerName = null;
        if (request.TryGetFrom(out var from))
        {
            if (from.Uri.HasUser && !from.Uri.User.IsEmpty)
                callerUser = Encoding.UTF8.GetString(from.Uri.User.Span);
            if (from.HasDisplayName)
                callerName = Encoding.UTF8.GetString(from.DisplayName.Span).Trim('"', ' ');
        }

        // The Request-URI names the number first; a proxy may have rewritten it, so the To user is the second guess.
        var users = new List<string>();
        if (SipUri.TryParse(request.RequestUri, out var requestUri) && requestUri.HasUser)
            users.Add(Encoding.UTF8.GetString(requestUri.User.Span));
        if (request.TryGetTo(out var to) && to.Uri.HasUser)
            users.Add(Encoding.UTF8.GetString(to.Uri.User.Span));
        var candidates = users.Select(AsE164).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
            headers.TryAdd(Encoding.UTF8.GetString(header.Name.Span), Encoding.UTF8.GetString(header.Value.Span));

        return new InboundInvite(Guid.CreateVersion7(), Encoding.UTF8.GetString(callId.Span), callerUser,
            string.IsNullOrEmpty(callerName) ? null : callerName, users.FirstOrDefault() ?? "", candidates, headers, now);
    }

    public IncomingCall ToIncomingCall() => new(CallId, DialledNumber, CallerNumber, CallerName, Headers);

    public CallSummary Summary(DateTimeOffset endedAt, CallResult result, string detail) =>
        new(CallId, SipCallId, CallerNumber, DialledNumber, StartedAt, null, endedAt, result, detail, "", null, null, null, [], []);

    /// <summary>Trunks send numbers with or without '+' (sip:12025550100@...); both mean the international number.</summary>
    private static string? AsE164(string user)
    {
        var number = user.Split(';')[0];
        if (number.Length > 0 && number.All(char.IsAsciiDigit))
            number = "+" + number;
        return E164.Normalize(number);
    }
}
