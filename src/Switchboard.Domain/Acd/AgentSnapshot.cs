namespace Switchboard.Domain.Acd;

/// <param name="BusyElsewhere">On a call the ACD did not give them (a direct call, a transfer): no offers meanwhile.</param>
/// <param name="OfferId">The offer ringing on the agent's device, if any.</param>
/// <param name="CallId">The call offered to or connected with the agent, if any.</param>
/// <param name="QueueId">The queue that call came from.</param>
/// <param name="PausedUntil">End of the wrap-up or of the pause after a refused or unanswered offer.</param>
/// <param name="IdleSince">When the agent's last call ended or they became Ready: the longest-idle order.</param>
public sealed record AgentSnapshot(
    Guid AgentId,
    AgentStatus Status,
    AgentActivity Activity,
    bool Reachable,
    bool BusyElsewhere,
    OfferId? OfferId,
    Guid? CallId,
    Guid? QueueId,
    DateTimeOffset? PausedUntil,
    DateTimeOffset IdleSince,
    int AnsweredToday,
    TimeSpan TalkTimeToday,
    int UnansweredInARow)
{
    /// <summary>Whether the ACD would offer this agent a call now.</summary>
    public bool IsAvailable => Status == AgentStatus.Ready && Reachable && !BusyElsewhere && Activity == AgentActivity.Idle && PausedUntil is null;
}
