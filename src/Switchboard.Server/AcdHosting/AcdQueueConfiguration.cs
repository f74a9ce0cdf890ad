using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>Passes queue configuration changes to the ACD, which applies them to decisions from then on.</summary>
public sealed class AcdQueueConfiguration(AcdDispatcher dispatcher) : IQueueConfigurationListener
{
    public void QueueSaved(DistributionQueue queue) => dispatcher.Post(new QueueConfigured(queue));

    public void QueueDeleted(Guid queueId) => dispatcher.Post(new QueueRemoved(queueId));
}
