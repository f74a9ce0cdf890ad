namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>The configured queues, as routing needs them.</summary>
public interface IQueueDirectory
{
    /// <summary>The queue with this id, or null when there is none.</summary>
    RoutingQueue? Find(Guid queueId);
}
