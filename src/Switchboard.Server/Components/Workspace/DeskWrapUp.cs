using Switchboard.Server.Workspace;

namespace Switchboard.Server.Components.Workspace;

/// <summary>A call the agent has just finished, waiting for their wrap-up on the desk.</summary>
public sealed record DeskWrapUp(Guid CallId, string Caller)
{
    /// <summary>How long after the agent's part ended a wrap-up they left unsaved is opened again when the desk opens (a reload, a new tab).</summary>
    public static readonly TimeSpan ReopenedFor = TimeSpan.FromHours(1);

    /// <summary>The agent's latest call, when they have not wrapped it up and it ended less than <see cref="ReopenedFor"/> ago.</summary>
    public static DeskWrapUp? Unfinished(IReadOnlyList<RecentCallView> recentCalls, DateTimeOffset now) =>
        recentCalls.MaxBy(call => call.LeftAt) is { WrappedUpAt: null } latest && now - latest.LeftAt < ReopenedFor
            ? new DeskWrapUp(latest.CallId, latest.CallerNumber ?? "the caller")
            : null;
}
