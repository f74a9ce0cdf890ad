using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>The queue being edited on the Queues page, as posted text (see <see cref="PostedValue"/>).</summary>
public sealed class QueueForm
{
    public string Name { get; set; } = "";

    public QueueStrategy Strategy { get; set; } = QueueStrategy.LongestIdle;

    public string? Priority { get; set; } = "0";

    public string? RingTimeoutSeconds { get; set; } = "20";

    public string? MaxWaitSeconds { get; set; } = "300";

    public string? MaxWaitingCalls { get; set; } = "0";

    public string? WrapUpSeconds { get; set; } = "10";

    public string? MaxNoAnswer { get; set; } = "3";

    public string? MusicOnHoldSoundId { get; set; }

    // A post without any of its fields binds null here.
    public List<QueueMemberRow> Members { get; set => field = value ?? []; } = [];

    /// <summary>The button pressed: <c>save</c>, <c>add-member</c> or <c>remove-member:{index}</c>.</summary>
    public string? Command { get; set; }

    public static QueueForm From(QueueView queue) => new()
    {
        Name = queue.Name,
        Strategy = queue.Strategy,
        Priority = PostedValue.Of(queue.Priority),
        RingTimeoutSeconds = PostedValue.Of(queue.RingTimeoutSeconds),
        MaxWaitSeconds = PostedValue.Of(queue.MaxWaitSeconds),
        MaxWaitingCalls = PostedValue.Of(queue.MaxWaitingCalls),
        WrapUpSeconds = PostedValue.Of(queue.WrapUpSeconds),
        MaxNoAnswer = PostedValue.Of(queue.MaxNoAnswer),
        MusicOnHoldSoundId = PostedValue.Of(queue.MusicOnHoldSoundId),
        Members = [.. queue.Members.Select(m => new QueueMemberRow
        {
            UserId = PostedValue.Of(m.UserId),
            Level = PostedValue.Of(m.Level),
            Position = PostedValue.Of(m.Position),
        })],
    };

    public QueueInput ToInput() => new(
        Name,
        Strategy,
        PostedValue.NumberOrInvalid(Priority),
        PostedValue.NumberOrInvalid(RingTimeoutSeconds),
        PostedValue.NumberOrInvalid(MaxWaitSeconds),
        PostedValue.NumberOrInvalid(MaxWaitingCalls),
        PostedValue.NumberOrInvalid(WrapUpSeconds),
        PostedValue.NumberOrInvalid(MaxNoAnswer),
        PostedValue.Id(MusicOnHoldSoundId),
        [.. Members.Select(m => new QueueMember(
            PostedValue.IdOrEmpty(m.UserId), PostedValue.NumberOrInvalid(m.Level), PostedValue.NumberOrInvalid(m.Position)))]);
}
