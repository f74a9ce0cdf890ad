using Switchboard.Domain.Routing;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>
/// The body of <c>POST /api/v1/workspace/calls/{id}/transfer</c>: exactly one of <c>{"userId"}</c>,
/// <c>{"queueId"}</c> or <c>{"number"}</c> (E.164).
/// </summary>
public sealed record TransferInput(Guid? UserId, Guid? QueueId, string? Number)
{
    /// <summary>The target this input names, or the errors by field (whether the user or queue exists is not checked here).</summary>
    public TransferTarget? ToTarget(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var given = (UserId is null ? 0 : 1) + (QueueId is null ? 0 : 1) + (Number is null ? 0 : 1);
        if (given != 1)
        {
            errors["target"] = [given == 0
                ? "Choose where the call goes: a user, a queue or a number."
                : "Choose one place for the call to go: a user, a queue or a number, not several."];
            return null;
        }

        if (UserId is { } userId)
            return new TransferToUser(userId);
        if (QueueId is { } queueId)
            return new TransferToQueue(queueId);
        if (!E164.TryNormalize(Number, out var e164, out var error))
        {
            errors["number"] = [error];
            return null;
        }

        return new TransferToNumber(e164);
    }
}
