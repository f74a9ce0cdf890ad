namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>What routing needs to know of a queue before sending a call to it.</summary>
/// <param name="Name">Shown to the agent as the call variable <c>queueName</c>.</param>
/// <param name="PlaysMusicOnHold">When true the caller is answered before waiting, so that the music can be heard.</param>
public sealed record RoutingQueue(string Name, bool PlaysMusicOnHold);
