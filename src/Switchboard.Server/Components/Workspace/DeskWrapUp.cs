namespace Switchboard.Server.Components.Workspace;

/// <summary>A queue call the agent has just finished, waiting for its wrap-up on the desk.</summary>
public sealed record DeskWrapUp(Guid CallId, Guid QueueId, string Caller, string? QueueName);
