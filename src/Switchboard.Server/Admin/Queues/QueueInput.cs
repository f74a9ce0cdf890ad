using Switchboard.Domain.Acd;

namespace Switchboard.Server.Admin.Queues;

/// <summary>A distribution queue as the admin writes it; omitted settings take the domain's defaults (no dispositions, none required).</summary>
public sealed record QueueInput(
    string Name,
    QueueStrategy Strategy = QueueStrategy.LongestIdle,
    int Priority = 0,
    int RingTimeoutSeconds = 20,
    int MaxWaitSeconds = 300,
    int MaxWaitingCalls = 0,
    int WrapUpSeconds = 10,
    int MaxNoAnswer = 3,
    Guid? MusicOnHoldSoundId = null,
    IReadOnlyList<QueueMember>? Members = null,
    IReadOnlyList<string>? Dispositions = null,
    bool DispositionRequired = false);
