using Switchboard.Domain.Sounds;

namespace Switchboard.Domain.Acd;

/// <summary>Holds calls while the system contacts an available agent, by availability and priority.</summary>
public sealed class DistributionQueue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public QueueStrategy Strategy { get; set; } = QueueStrategy.LongestIdle;

    /// <summary>Higher first: an agent in several queues takes calls of the higher-priority queue first.</summary>
    public int Priority { get; set; }

    /// <summary>How long one agent's device rings before the call is offered to the next.</summary>
    public int RingTimeoutSeconds { get; set; } = 20;

    /// <summary>After this, a waiting call leaves the queue and falls through to the scenario's next action; 0 = no limit.</summary>
    public int MaxWaitSeconds { get; set; } = 300;

    /// <summary>A queue already holding this many calls refuses the next; 0 = no limit.</summary>
    public int MaxWaitingCalls { get; set; }

    /// <summary>Time after a call before the agent is offered the next.</summary>
    public int WrapUpSeconds { get; set; } = 10;

    /// <summary>After this many offers in a row go unanswered the agent is set Not available; 0 = never.</summary>
    public int MaxNoAnswer { get; set; } = 3;

    /// <summary>Played to waiting callers, looped; null = the built-in default.</summary>
    public Guid? MusicOnHoldSoundId { get; set; }

    public List<QueueMember> Members { get; set; } = [];

    /// <summary>The result codes an agent chooses from when wrapping up a call of this queue ("Sale", "No interest"), in the order shown.</summary>
    public List<string> Dispositions { get; set; } = [];

    /// <summary>Whether a wrap-up of this queue's calls must name one of <see cref="Dispositions"/>.</summary>
    public bool DispositionRequired { get; set; }
}
