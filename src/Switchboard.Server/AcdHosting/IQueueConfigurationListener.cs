using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Told of every queue when the server starts and of every queue saved or deleted afterwards, so that live parts
/// (the ACD, routing's queue directory) follow the configuration at once without reading the database again.
/// Called after the change is stored; must not block.
/// </summary>
public interface IQueueConfigurationListener
{
    void QueueSaved(DistributionQueue queue);

    void QueueDeleted(Guid queueId);
}
