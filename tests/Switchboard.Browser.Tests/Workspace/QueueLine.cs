namespace Switchboard.Browser.Tests.Workspace;

/// <summary>An agent alone in a queue, and the number that reaches it (<see cref="WorkspaceSetup.QueueLineAsync"/>).</summary>
public sealed record QueueLine(Guid AgentId, string Username, string QueueName, string Number);
