using System.Collections.Concurrent;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.Acd;

/// <summary>
/// The calls waiting in a queue through <see cref="AcdQueueGateway"/>: each stay ends when the ACD reports that the
/// call left its queue. Also keeps what the live view shows of a waiting call that the ACD does not know (its caller
/// and variables).
/// </summary>
public sealed class QueueStays : IAcdEventSink
{
    private readonly ConcurrentDictionary<Guid, QueueStay> _stays = new();

    /// <summary>The caller's number of a call waiting now, when it was known.</summary>
    public string? CallerNumberOf(Guid callId) =>
        _stays.TryGetValue(callId, out var stay) && stay.Variables.TryGetValue(CallVariableNames.CallerNumber, out var number) ? number : null;

    /// <summary>The variables of a call waiting now, as its scenario has set them so far; empty when it is not waiting.</summary>
    public IReadOnlyList<CallVariable> VariablesOf(Guid callId) => _stays.TryGetValue(callId, out var stay) ? stay.Variables.Snapshot() : [];

    public void Publish(AcdEvent acdEvent)
    {
        if (acdEvent is CallLeftQueue left && _stays.TryRemove(left.CallId, out var stay))
            stay.Left.TrySetResult(left);
    }

    internal QueueStay Begin(Guid callId, IReadOnlyCallVariables variables)
    {
        var stay = new QueueStay(variables);
        if (!_stays.TryAdd(callId, stay))
            throw new InvalidOperationException($"The call {callId} is already waiting in a queue.");
        return stay;
    }

    /// <summary>Forgets a stay that ended without the ACD (the caller hung up).</summary>
    internal void Forget(Guid callId) => _stays.TryRemove(callId, out _);
}

/// <summary>One call's stay in a queue, completed with the event that ended it.</summary>
internal sealed class QueueStay(IReadOnlyCallVariables variables)
{
    public IReadOnlyCallVariables Variables { get; } = variables;

    public TaskCompletionSource<CallLeftQueue> Left { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
