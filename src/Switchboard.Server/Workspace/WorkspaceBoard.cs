using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Data.Crm;
using Switchboard.Domain.Acd;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Crm;
using Switchboard.Server.TelephonyHosting;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>What an agent's workspace reads: their state, queues, recent calls and current call, a call that rings them, and whom they may transfer to.</summary>
public sealed class WorkspaceBoard(
    SwitchboardDbContext db,
    AgentBoard agents,
    AcdDispatcher dispatcher,
    ILiveCallDirectory liveCalls,
    ContactDirectory contacts,
    QueueMemberships queues,
    ServerRun run,
    CallRecordWriter records,
    WrittenCallRecords written,
    TimeProvider time)
{
    public const int RecentCallCount = 20;

    /// <summary>The agent's workspace, or null when no such user exists.</summary>
    public async Task<WorkspaceView?> GetAsync(Guid agentId, CancellationToken cancellationToken)
    {
        if (await agents.FindAsync(agentId, cancellationToken) is not { } agent)
            return null;

        var ownQueues = await QueuesAsync(agentId, cancellationToken);
        return new WorkspaceView(agent, ownQueues, await RecentCallsAsync(agentId, cancellationToken), run.Id, CurrentCall(agentId));
    }

    /// <summary>The agent's queues with the calls waiting in each, from the ACD's memory alone (no database read).</summary>
    public async Task<IReadOnlyList<WorkspaceQueueView>> QueuesAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var snapshot = await dispatcher.GetSnapshotAsync(cancellationToken);
        return snapshot.Queues
            .Where(queue => queue.Members.Any(member => member.UserId == agentId))
            .OrderBy(queue => queue.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(queue => new WorkspaceQueueView(queue.QueueId, queue.Name, queue.WaitingCalls.Count))
            .ToList();
    }

    /// <summary>The call ringing the agent or the one they talk on, with its times as seconds at this moment.</summary>
    private CurrentCallView? CurrentCall(Guid agentId)
    {
        if (liveCalls.FindForUser(agentId) is not { } current)
            return null;
        var now = time.GetUtcNow();
        var (call, part) = (current.Call, current.Part);
        double? ringSecondsLeft = part is { RingingSince: { } since, RingTimeout: { } timeout }
            ? Math.Max(0, (since + timeout - now).TotalSeconds)
            : null;
        return new CurrentCallView(
            call.CallId,
            part.State,
            call.CallerNumber,
            call.CallerName,
            call.QueueId,
            call.QueueId is { } queueId ? queues.NameOf(queueId) : null,
            part.Webphone,
            part.OfferId,
            ringSecondsLeft,
            part.WaitingSince is { } waitingSince ? Math.Max(0, (now - waitingSince).TotalSeconds) : null,
            part.ConnectedAt is { } connectedAt ? Math.Max(0, (now - connectedAt).TotalSeconds) : null);
    }

    /// <summary>The live call, or null when it is gone or has never rung or connected this agent.</summary>
    public async Task<WorkspaceCallView?> FindCallAsync(Guid callId, Guid agentId, CancellationToken cancellationToken)
    {
        if (liveCalls.Find(callId) is not { } call || !call.Users.Contains(agentId))
            return null;

        IReadOnlyList<ContactSummary> identified = [];
        if (call.CallerNumber is { } number && await contacts.IdentifyByNumberAsync(number, cancellationToken) is { Succeeded: true } found)
            identified = found.Value!;
        var queueName = call.QueueId is { } queueId ? queues.NameOf(queueId) : null;
        return new WorkspaceCallView(call.CallId, call.CallerNumber, call.CallerName, identified.Count > 0 ? identified[0].Name : null, call.QueueId, queueName, identified.Count);
    }

    /// <summary>
    /// How a call ended, from its record: for a desk that showed the call before the page or the server went away.
    /// Only the result and why, never who called: the desk remembers that itself. Null while the call is live, and for
    /// a call without a record (the server stopped before writing it).
    /// </summary>
    public async Task<CallEndView?> CallEndAsync(Guid callId, Guid agentId, CancellationToken cancellationToken)
    {
        if (liveCalls.Find(callId) is not null)
            return null;
        // The call is over; its end may be with the record writer still.
        var record = await written.ReadAsync(callId, agentId, read => read is not { Result: CallRecord.InProgress }, cancellationToken);
        // The agent's last part says how it ended for them (the caller hung up...).
        return record is null ? null : new CallEndView(record.Result, record.Detail, record.Agents.MaxBy(agent => agent.Position)?.Ending);
    }

    /// <summary>Every other user with their live state, and every queue, by name.</summary>
    public async Task<TransferTargetsView> TransferTargetsAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var users = (await agents.ListAsync(cancellationToken))
            .Where(user => user.Id != agentId)
            .Select(user => new TransferUserView(user.Id, user.Name, user.Status, user.Activity, user.Reachable))
            .ToList();
        var queueList = (await db.Queues.AsNoTracking().Select(queue => new TransferQueueView(queue.Id, queue.Name)).ToListAsync(cancellationToken))
            .OrderBy(queue => queue.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new TransferTargetsView(users, queueList);
    }

    /// <summary>Errors by field when the user or queue a transfer names does not exist; empty when it does.</summary>
    public async Task<Dictionary<string, string[]>> UnknownTargetErrorsAsync(TransferTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target switch
        {
            TransferToUser user when !await db.Users.AnyAsync(candidate => candidate.Id == user.UserId, cancellationToken) =>
                new() { ["userId"] = ["No such user."] },
            TransferToQueue queue when !await db.Queues.AnyAsync(candidate => candidate.Id == queue.QueueId, cancellationToken) =>
                new() { ["queueId"] = ["No such queue."] },
            _ => [],
        };
    }

    /// <summary>
    /// The agent's recent calls with the call that just finished among them: its record, taken by the background
    /// writer as the call finished, is waited for, so that the desk lists a call as soon as it ends.
    /// </summary>
    public async Task<IReadOnlyList<RecentCallView>> RecentCallsAfterCallAsync(Guid agentId, CancellationToken cancellationToken)
    {
        await records.FlushAsync(cancellationToken);
        return await RecentCallsAsync(agentId, cancellationToken);
    }

    private async Task<IReadOnlyList<RecentCallView>> RecentCallsAsync(Guid agentId, CancellationToken cancellationToken)
    {
        // Call ids are version 7 GUIDs, so ordering by id is ordering by start; Entity Framework's SQLite provider
        // does not translate ordering by DateTimeOffset.
        // The calls where the agent's part is over, even if the call goes on with someone they transferred it to.
        var records = await db.CallRecords.AsNoTracking()
            .Include(record => record.Agents.Where(agent => agent.UserId == agentId && agent.Ending != CallRecordAgent.InProgress))
            .Where(record => record.Agents.Any(agent => agent.UserId == agentId && agent.Ending != CallRecordAgent.InProgress))
            .OrderByDescending(record => record.Id)
            .Take(RecentCallCount)
            .ToListAsync(cancellationToken);
        return [.. records
            .OrderByDescending(record => record.StartedAt)
            .Select(record => (Record: record, Part: record.Agents.MaxBy(agent => agent.Position)!))
            .Select(call => new RecentCallView(
                call.Record.Id,
                call.Record.CallerNumber,
                call.Part.QueueId,
                call.Part.QueueId is { } queueId ? queues.NameOf(queueId) : null,
                call.Record.StartedAt,
                call.Record.AnsweredAt,
                call.Record.EndedAt,
                call.Record.Result,
                call.Part.ConnectedAt,
                call.Part.LeftAt,
                call.Part.Ending,
                // A wrap-up is kept on the agent's last part of the call.
                call.Part.Disposition,
                call.Part.WrappedUpAt))];
    }
}
