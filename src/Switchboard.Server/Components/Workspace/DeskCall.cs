namespace Switchboard.Server.Components.Workspace;

/// <summary>The call the agent talks on, as the desk shows it.</summary>
/// <param name="Webphone">Its audio is in this browser (mute works here) rather than on the agent's SIP phone.</param>
public sealed record DeskCall(Guid CallId, string? CallerNumber, string? QueueName, bool Webphone, DateTimeOffset ConnectedAt)
{
    public bool Held { get; set; }

    public bool Muted { get; set; }

    /// <summary>What the browser's peer connection counted, once audio flows; null before.</summary>
    public (long Received, long Sent)? Audio { get; set; }

    public string Caller => CallerNumber ?? "the caller";
}
