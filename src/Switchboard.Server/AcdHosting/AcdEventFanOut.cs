using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>Hands each ACD event to every subscriber in a fixed order; each of them returns without blocking.</summary>
public sealed class AcdEventFanOut(IReadOnlyList<IAcdEventSink> subscribers) : IAcdEventSink
{
    public void Publish(AcdEvent acdEvent)
    {
        foreach (var subscriber in subscribers)
            subscriber.Publish(acdEvent);
    }
}
