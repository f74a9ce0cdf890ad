using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>
/// The call that rings the agent or that they talk on, so that a page that reloads (or reopens) builds its offer
/// or call panel again. Times are given as seconds at the server's now, so the browser's clock need not agree.
/// </summary>
/// <param name="Webphone">It rings, or is connected to, the agent's browser rather than a SIP device.</param>
/// <param name="RingSecondsLeft">How long it still rings; null once connected.</param>
/// <param name="SecondsWaiting">How long the caller has waited in the queue; null when connected or not from a queue.</param>
/// <param name="SecondsConnected">How long the agent has talked with the caller; null while it rings.</param>
public sealed record CurrentCallView(
    Guid CallId,
    UserCallState State,
    string? CallerNumber,
    string? CallerName,
    Guid? QueueId,
    string? QueueName,
    bool Webphone,
    long? OfferId,
    double? RingSecondsLeft,
    double? SecondsWaiting,
    double? SecondsConnected);
