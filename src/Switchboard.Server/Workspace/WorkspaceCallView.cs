namespace Switchboard.Server.Workspace;

/// <summary>A live call that rings or connects the agent, as the offer panel shows it.</summary>
/// <param name="ContactName">The CRM contact the caller's number belongs to, when one does.</param>
public sealed record WorkspaceCallView(Guid CallId, string? CallerNumber, string? CallerName, string? ContactName, Guid? QueueId, string? QueueName);
