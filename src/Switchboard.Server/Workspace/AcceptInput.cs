namespace Switchboard.Server.Workspace;

/// <summary>The body of <c>POST /api/v1/workspace/calls/{id}/accept</c>: the webphone's SDP offer.</summary>
public sealed record AcceptInput(string? Sdp);
