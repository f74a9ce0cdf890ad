using Switchboard.Domain.Acd;

namespace Switchboard.Server.Admin.Queues;

/// <summary>A distribution queue with all its settings, its members in the order they are tried, and its dispositions in the order shown.</summary>
public sealed record QueueView(
    Guid Id,
    string Name,
    QueueStrategy Strategy,
    int Priority,
    int RingTimeoutSeconds,
    int MaxWaitSeconds,
    int MaxWaitingCalls,
    int WrapUpSeconds,
    int MaxNoAnswer,
    Guid? MusicOnHoldSoundId,
    IReadOnlyList<QueueMember> Members,
    IReadOnlyList<string> Dispositions,
    bool DispositionRequired)
{
    public static QueueView From(DistributionQueue queue) => new(
        queue.Id,
        queue.Name,
        queue.Strategy,
        queue.Priority,
        queue.RingTimeoutSeconds,
        queue.MaxWaitSeconds,
        queue.MaxWaitingCalls,
        queue.WrapUpSeconds,
        queue.MaxNoAnswer,
        queue.MusicOnHoldSoundId,
        [.. queue.Members.OrderBy(member => member.Level).ThenBy(member => member.Position)],
        [.. queue.Dispositions],
        queue.DispositionRequired);
}
