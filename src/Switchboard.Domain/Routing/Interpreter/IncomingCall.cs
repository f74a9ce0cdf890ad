namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>What routing knows of an incoming call when its scenario starts.</summary>
/// <param name="CallId">The call.</param>
/// <param name="DialledNumber">The number the caller dialled, as bound to the scenario.</param>
/// <param name="CallerNumber">The caller's number as it arrived; null when withheld.</param>
/// <param name="CallerName">The caller's display name, if one came.</param>
/// <param name="InviteHeaders">Headers of the inbound INVITE by name; only the <c>X-</c> ones become call variables.</param>
public sealed record IncomingCall(
    Guid CallId,
    string DialledNumber,
    string? CallerNumber,
    string? CallerName,
    IReadOnlyDictionary<string, string> InviteHeaders);
