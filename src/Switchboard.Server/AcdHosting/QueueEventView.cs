using System.Text.Json;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// One line of the queue event log as the API gives it: its place in the log (<see cref="Sequence"/>, the order to
/// replay in), the event's type and ids, and its own facts in <see cref="Detail"/>.
/// </summary>
public sealed record QueueEventView(
    long Sequence,
    DateTimeOffset At,
    string Type,
    Guid? QueueId,
    Guid? CallId,
    Guid? AgentId,
    long? OfferId,
    JsonElement Detail);
