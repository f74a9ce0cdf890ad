namespace Switchboard.Domain.Acd;

/// <summary>
/// An item (a call, a chat) answered from a queue, kept until its conversation ends so the agent's wrap-up can follow.
/// Kept by the core for a later answer once it ended.
/// </summary>
internal sealed class ConnectedCall
{
    public Guid CallId { get; private set; }

    public WorkKind Kind { get; private set; }

    public Guid QueueId { get; private set; }

    public AgentState Agent { get; private set; } = null!;

    public DateTimeOffset AnsweredAt { get; private set; }

    /// <summary>The queue's wrap-up when answered: it still applies if the queue changes or goes.</summary>
    public TimeSpan WrapUp { get; private set; }

    public void Start(Guid callId, WorkKind kind, Guid queueId, AgentState agent, DateTimeOffset answeredAt, TimeSpan wrapUp)
    {
        CallId = callId;
        Kind = kind;
        QueueId = queueId;
        Agent = agent;
        AnsweredAt = answeredAt;
        WrapUp = wrapUp;
    }
}
