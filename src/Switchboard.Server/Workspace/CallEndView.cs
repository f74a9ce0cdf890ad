namespace Switchboard.Server.Workspace;

/// <summary>How a call ended, as its record says.</summary>
/// <param name="Result">The call's result: <c>answeredFromQueue</c>, <c>interrupted</c>, <c>failed</c>...</param>
/// <param name="Detail">Why it failed or was refused, in words, when known.</param>
/// <param name="AgentEnding">How the agent's own part ended (<c>callerHungUp</c>, <c>hungUp</c>, <c>transferred</c>, <c>failed</c>); null when they had none on record.</param>
public sealed record CallEndView(string Result, string? Detail, string? AgentEnding);
