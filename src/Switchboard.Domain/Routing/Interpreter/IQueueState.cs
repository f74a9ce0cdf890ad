namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>Live queue figures that conditions test; implemented by the ACD.</summary>
public interface IQueueState
{
    /// <summary>Members of the queue whose status is Ready now.</summary>
    int ReadyAgentCount(Guid queueId);
}
