namespace Switchboard.Server.Workspace;

/// <summary>
/// The body of <c>PUT /api/v1/workspace/calls/{id}/wrap-up</c>: a disposition from the call's queue's list and notes,
/// each may be left out (unless the queue requires a disposition).
/// </summary>
public sealed record WrapUpInput(string? Disposition, string? Notes);
