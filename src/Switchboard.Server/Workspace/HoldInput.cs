namespace Switchboard.Server.Workspace;

/// <summary>The body of <c>POST /api/v1/workspace/calls/{id}/hold</c>: <c>{"held": true}</c> holds, false takes the caller back.</summary>
public sealed record HoldInput(bool? Held);
