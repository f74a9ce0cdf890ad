namespace Switchboard.Domain.Acd;

/// <summary>
/// Where the ACD's events go (the UI push, supervision, the queue event log writer). Called on the dispatcher's
/// single loop, in order. It must neither block nor throw: write to a channel that subscribers drain at their
/// own pace (dropping or buffering as suits them), so a slow subscriber never delays a decision.
/// </summary>
public interface IAcdEventSink
{
    void Publish(AcdEvent acdEvent);

    /// <summary>
    /// What the dispatcher calls: the event as a value, read in place. A sink that keeps the event gets its record
    /// (this default); one that only looks at it may read the value and allocate nothing.
    /// </summary>
    void Publish(in AcdDecision acdEvent) => Publish((AcdEvent)acdEvent.ToOutput());
}
