using System.Collections.Concurrent;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.Workspace.ClientInfo;

/// <summary>Stands in for telephony's live calls: a test says which calls are live and who they rang.</summary>
internal sealed class LiveCallsDouble : ILiveCallDirectory
{
    /// <summary>When every call started: whole seconds, which every database stores exactly.</summary>
    public static readonly DateTimeOffset StartedAt = new(2026, 6, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<Guid, LiveCallView> _calls = new();
    private readonly ConcurrentDictionary<Guid, UserCallView> _current = new();

    public LiveCallView Add(string? callerNumber, Guid? queueId, IReadOnlyDictionary<string, string> variables, params Guid[] users)
    {
        var callVariables = new CallVariables();
        foreach (var (name, value) in variables)
            callVariables.Set(name, value);
        var call = new LiveCallView(Guid.CreateVersion7(), "+18005550100", callerNumber, null, StartedAt, queueId, callVariables, users);
        _calls[call.CallId] = call;
        return call;
    }

    public void End(Guid callId) => _calls.TryRemove(callId, out _);

    /// <summary>The user's part in a live call from now on: ringing them, or connected.</summary>
    public void SetCurrent(Guid userId, UserCallView current) => _current[userId] = current;

    public IReadOnlyCallVariables? FindVariables(Guid callId) => Find(callId)?.Variables;

    public LiveCallView? Find(Guid callId) => _calls.GetValueOrDefault(callId);

    public UserCallView? FindForUser(Guid userId) => _current.GetValueOrDefault(userId);
}
