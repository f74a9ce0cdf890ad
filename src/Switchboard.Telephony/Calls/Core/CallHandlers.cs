namespace Switchboard.Telephony.Calls.Core;

/// <summary>
/// Who handled a call, in order: each user who talked to the caller and how their part ended, and each blind
/// transfer. Kept on the call's flow; handed over in the call's summary.
/// </summary>
internal sealed class CallHandlers
{
    private readonly List<CallAgent> _agents = [];
    private readonly List<CallTransfer> _transfers = [];
    private (Guid UserId, Guid? QueueId, DateTimeOffset At)? _connected;

    public void Connected(Guid userId, Guid? queueId, DateTimeOffset at)
    {
        if (_connected is { } previous)
            _agents.Add(new CallAgent(previous.UserId, previous.QueueId, previous.At, at, UserLeftReason.Failed));
        _connected = (userId, queueId, at);
    }

    public void Left(Guid userId, DateTimeOffset at, UserLeftReason reason)
    {
        if (_connected is not { } connected || connected.UserId != userId)
            return;
        _agents.Add(new CallAgent(userId, connected.QueueId, connected.At, at, reason));
        _connected = null;
    }

    public void Transferred(CallTransfer transfer) => _transfers.Add(transfer);

    /// <summary>The agents up to <paramref name="endedAt"/>; one still connected then left when the call ended, without being told.</summary>
    public IReadOnlyList<CallAgent> Agents(DateTimeOffset endedAt) =>
        _connected is { } open ? [.. _agents, new CallAgent(open.UserId, open.QueueId, open.At, endedAt, UserLeftReason.Failed)] : [.. _agents];

    public IReadOnlyList<CallTransfer> Transfers => [.. _transfers];
}
