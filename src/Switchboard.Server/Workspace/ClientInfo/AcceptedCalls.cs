using System.Collections.Concurrent;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// Which users have answered which live calls: Client info offers Add and Search only once the agent took the call,
/// not while it rings. Live state, kept from call events; a call is forgotten when it ends (its record then says who
/// answered it).
/// </summary>
public sealed class AcceptedCalls : ICallObserver
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, bool>> _usersByCall = new();

    public void OnCallEvent(CallEvent callEvent)
    {
        switch (callEvent)
        {
            case UserConnected connected:
                _usersByCall.GetOrAdd(connected.CallId, _ => new ConcurrentDictionary<Guid, bool>())[connected.UserId] = true;
                break;
            case CallEnded ended:
                _usersByCall.TryRemove(ended.CallId, out _);
                break;
        }
    }

    /// <summary>Whether <paramref name="userId"/> has answered the live call <paramref name="callId"/>.</summary>
    public bool HasAccepted(Guid callId, Guid userId) =>
        _usersByCall.TryGetValue(callId, out var users) && users.ContainsKey(userId);
}
