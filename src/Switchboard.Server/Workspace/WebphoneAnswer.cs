namespace Switchboard.Server.Workspace;

/// <summary>The answer to a webphone's Accept: the server's SDP answer, for <c>setRemoteDescription</c>.</summary>
public sealed record WebphoneAnswer(string Sdp);
