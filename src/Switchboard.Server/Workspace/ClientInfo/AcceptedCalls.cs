using System.Collections.Concurrent;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// Which users have answered which calls: Client info offers Add and Search only once the agent took the call, not
/// while it rings. Kept from call events. An ended call is remembered (the last <see cref="EndedCapacity"/> of them)
/// with its summary, so that wrap-up can add or select a contact before the call's record reaches the database.
/// </summary>
public sealed class AcceptedCalls : ICallObserver
{
    /// <summary>How many ended calls are remembered; far more than end while one record waits to be written.</summary>
    public const int EndedCapacity = 4096;

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, bool>> _usersByCall = new();
    private readonly ConcurrentDictionary<Guid, (CallSummary Summary, Guid[] Users)> _ended = new();
    private readonly ConcurrentQueue<Guid> _endedOrder = new();

    public void OnCallEvent(CallEvent callEvent)
    {
        switch (callEvent)
        {
            case UserConnected connected:
                _usersByCall.GetOrAdd(connected.CallId, _ => new ConcurrentDictionary<Guid, bool>())[connected.UserId] = true;
                break;
            case CallFinished ended when _usersByCall.TryRemove(ended.CallId, out var users):
                Remember(ended.Summary, [.. users.Keys]);
                break;
        }
    }

    /// <summary>Whether <paramref name="userId"/> has answered the live call <paramref name="callId"/>.</summary>
    public bool HasAccepted(Guid callId, Guid userId) =>
        _usersByCall.TryGetValue(callId, out var users) && users.ContainsKey(userId);

    /// <summary>The summary of a recently ended call that <paramref name="userId"/> answered, or null.</summary>
    public CallSummary? FindEnded(Guid callId, Guid userId) =>
        _ended.TryGetValue(callId, out var ended) && ended.Users.Contains(userId) ? ended.Summary : null;

    private void Remember(CallSummary summary, Guid[] users)
    {
        _ended[summary.CallId] = (summary, users);
        _endedOrder.Enqueue(summary.CallId);
        while (_endedOrder.Count > EndedCapacity && _endedOrder.TryDequeue(out var oldest))
            _ended.TryRemove(oldest, out _);
    }
}
