using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Queues;

namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>
/// The queue being edited on the Queues page. Number fields may be emptied: they go to validation as -1, which it
/// reports as out of range under the field, and a member whose agent is not chosen as an empty id.
/// </summary>
public sealed class QueueForm
{
    public string Name { get; set; } = "";

    public QueueStrategy Strategy { get; set; } = QueueStrategy.LongestIdle;

    public int? Priority { get; set; } = 0;

    public int? RingTimeoutSeconds { get; set; } = 20;

    public int? MaxWaitSeconds { get; set; } = 300;

    public int? MaxWaitingCalls { get; set; } = 0;

    public int? WrapUpSeconds { get; set; } = 10;

    public int? MaxNoAnswer { get; set; } = 3;

    public Guid? MusicOnHoldSoundId { get; set; }

    public List<QueueMemberRow> Members { get; } = [];

    public List<QueueDispositionRow> Dispositions { get; } = [];

    public bool DispositionRequired { get; set; }

    public static QueueForm From(QueueView queue)
    {
        var form = new QueueForm
        {
            Name = queue.Name,
            Strategy = queue.Strategy,
            Priority = queue.Priority,
            RingTimeoutSeconds = queue.RingTimeoutSeconds,
            MaxWaitSeconds = queue.MaxWaitSeconds,
            MaxWaitingCalls = queue.MaxWaitingCalls,
            WrapUpSeconds = queue.WrapUpSeconds,
            MaxNoAnswer = queue.MaxNoAnswer,
            MusicOnHoldSoundId = queue.MusicOnHoldSoundId,
            DispositionRequired = queue.DispositionRequired,
        };
        form.Dispositions.AddRange(queue.Dispositions.Select(name => new QueueDispositionRow { Name = name }));
        form.Members.AddRange(queue.Members.Select(m => new QueueMemberRow { UserId = m.UserId, Level = m.Level, Position = m.Position }));
        return form;
    }

    public QueueInput ToInput() => new(
        Name,
        Strategy,
        Priority ?? -1,
        RingTimeoutSeconds ?? -1,
        MaxWaitSeconds ?? -1,
        MaxWaitingCalls ?? -1,
        WrapUpSeconds ?? -1,
        MaxNoAnswer ?? -1,
        MusicOnHoldSoundId,
        [.. Members.Select(m => new QueueMember(m.UserId ?? Guid.Empty, m.Level ?? -1, m.Position ?? -1))],
        [.. Dispositions.Select(d => d.Name)],
        DispositionRequired);
}
