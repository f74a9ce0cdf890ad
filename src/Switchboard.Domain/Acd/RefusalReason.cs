namespace Switchboard.Domain.Acd;

/// <summary>Why a queue refused a call on arrival.</summary>
public enum RefusalReason
{
    QueueFull,
    NoReadyAgent,
    UnknownQueue,
}
