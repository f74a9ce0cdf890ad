namespace Switchboard.Server.Workspace;

/// <summary>The body of <c>POST /api/v1/workspace/calls/{id}/reconnect</c>: the reloaded page's new SDP offer.</summary>
public sealed record ReconnectInput(string? Sdp);
