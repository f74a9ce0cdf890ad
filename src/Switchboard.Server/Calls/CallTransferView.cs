namespace Switchboard.Server.Calls;

/// <summary>A blind transfer of a call, by a user to exactly one of a user, a queue or a number.</summary>
public sealed record CallTransferView(
    DateTimeOffset At,
    Guid ByUserId,
    string ByName,
    Guid? ToUserId,
    string? ToUserName,
    Guid? ToQueueId,
    string? ToQueueName,
    string? ToNumber);
