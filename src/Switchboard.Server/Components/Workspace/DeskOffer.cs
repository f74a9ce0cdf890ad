namespace Switchboard.Server.Components.Workspace;

/// <summary>A call ringing the agent, as the desk shows it.</summary>
/// <param name="Webphone">It rings the browser (Accept answers it here) rather than the agent's SIP phone.</param>
/// <param name="EndsAt">When it stops ringing unless answered.</param>
/// <param name="WaitingSince">Since when the caller has waited in the queue; null when not from a queue.</param>
/// <param name="QueueId">The queue the call comes through; null for a direct call.</param>
public sealed record DeskOffer(
    Guid CallId,
    string? CallerNumber,
    string? CallerName,
    string? QueueName,
    bool Webphone,
    DateTimeOffset EndsAt,
    DateTimeOffset? WaitingSince,
    Guid? QueueId = null)
{
    /// <summary>The contacts the caller's number identifies, once looked up: "Unknown", a name, or "2 contacts".</summary>
    public string Contact { get; set; } = "Unknown";

    public string Caller => CallerNumber ?? CallerName ?? "Withheld";
}
