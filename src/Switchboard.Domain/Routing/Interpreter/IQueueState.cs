namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>Live queue figures that conditions test; implemented by the ACD.</summary>
public interface IQueueState
{
    /// <summary>Members of the queue whose status is Ready now.</summary>
    int ReadyAgentCount(Guid queueId);

    /// <summary>Calls waiting in the queue now.</summary>
    int WaitingCallCount(Guid queueId);

    /// <summary>
    /// How long a call joining the queue now, behind every waiting call, is expected to wait; null while the queue
    /// has no answered call to estimate from.
    /// </summary>
    TimeSpan? EstimatedWait(Guid queueId);
}
