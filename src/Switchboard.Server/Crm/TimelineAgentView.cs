namespace Switchboard.Server.Crm;

/// <summary>An agent's part in a timeline's call, with their wrap-up (null before or without one).</summary>
public sealed record TimelineAgentView(Guid UserId, string Name, string? Disposition, string? Notes);
