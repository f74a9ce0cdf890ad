namespace Switchboard.Server.Workspace;

/// <summary>An agent's wrap-up of their part of a call, as stored.</summary>
public sealed record WrapUpView(Guid CallId, string? Disposition, string? Notes, DateTimeOffset WrappedUpAt);
