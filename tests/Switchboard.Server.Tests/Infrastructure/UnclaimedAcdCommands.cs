using System.Collections.Concurrent;
using System.Threading.Channels;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Server.AcdHosting;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// The commands no live call took, kept for a test: with no SIP callers and agents here, a test plays telephony's part.
/// A call put in a queue with <see cref="WaitInQueueAsync"/> ends its stay with the command the ACD sends it (connected,
/// or let go unanswered), as a live call's mailbox would; every command is also kept for the test to read and answer
/// offers for the agents itself.
/// </summary>
public sealed class UnclaimedAcdCommands(AcdDispatcher dispatcher, TimeProvider time) : IUnclaimedAcdCommandSink
{
    private readonly Channel<AcdCommand> _commands =
        Channel.CreateUnbounded<AcdCommand>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Since, TaskCompletionSource<QueueWaitResult> Done)> _waiting = new();

    public ChannelReader<AcdCommand> Reader => _commands.Reader;

    public void Receive(AcdCommand command)
    {
        switch (command)
        {
            case ConnectCall connect when _waiting.TryRemove(connect.CallId, out var stay):
                stay.Done.TrySetResult(new AnsweredInQueue(connect.AgentId, time.GetUtcNow() - stay.Since));
                break;
            case LeaveQueue leave when _waiting.TryRemove(leave.CallId, out var stay):
                stay.Done.TrySetResult(QueueStayEnd.Unanswered(leave.Outcome, time.GetUtcNow() - stay.Since));
                break;
        }

        _commands.Writer.TryWrite(command);
    }

    /// <summary>
    /// A call without SIP waits in <paramref name="queueId"/> until the ACD connects it or lets it go; the caller hanging
    /// up (<paramref name="callerHangup"/>) tells the ACD the call ended.
    /// </summary>
    public async Task<QueueWaitResult> WaitInQueueAsync(Guid callId, Guid queueId, int? maxWaitSeconds, CancellationToken callerHangup)
    {
        var done = new TaskCompletionSource<QueueWaitResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[callId] = (time.GetUtcNow(), done);
        dispatcher.Post(new CallArrived(callId, queueId, MaxWaitSeconds: maxWaitSeconds));
        try
        {
            return await done.Task.WaitAsync(callerHangup);
        }
        catch (OperationCanceledException) when (callerHangup.IsCancellationRequested)
        {
            _waiting.TryRemove(callId, out _);
            dispatcher.Post(new CallEnded(callId));
            throw;
        }
    }
}
