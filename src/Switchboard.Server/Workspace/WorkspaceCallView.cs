namespace Switchboard.Server.Workspace;

/// <summary>A live call that rings or connects the agent, as the offer panel shows it.</summary>
/// <param name="ContactName">The CRM contact the caller's number belongs to, when one does (the first by name when several do).</param>
/// <param name="ContactCount">How many CRM contacts the caller's number belongs to.</param>
public sealed record WorkspaceCallView(Guid CallId, string? CallerNumber, string? CallerName, string? ContactName, Guid? QueueId, string? QueueName, int ContactCount);
