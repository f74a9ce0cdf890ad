namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// The Add form of Client info. Labels are names, existing or new. <see cref="LinkCallerNumber"/> links the caller's
/// number to the new contact, so the next call from it is identified; it is off unless asked for, as the Client info
/// seed has it (a contact created during a call is bound to the call, its number is not linked by itself).
/// </summary>
public sealed record NewClientInput(
    string Name,
    string? TimeZone = null,
    Guid? OwnerId = null,
    IReadOnlyList<string>? Labels = null,
    string? Description = null,
    bool LinkCallerNumber = false);
