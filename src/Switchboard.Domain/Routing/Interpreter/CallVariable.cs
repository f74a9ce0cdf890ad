namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>One named value that travels with a call to the agent.</summary>
public sealed record CallVariable(string Name, string Value);
