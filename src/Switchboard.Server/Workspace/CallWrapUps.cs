using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Server.TelephonyHosting;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>
/// An agent's wrap-up of a call they talked on: the disposition and notes stored on their part of the call record
/// (their last part, when they talked twice). The desk and the REST API both save through here.
/// </summary>
public sealed class CallWrapUps(SwitchboardDbContext db, CallRecordWriter records, ILiveCallDirectory liveCalls, TimeProvider time)
{
    /// <summary>The dispositions of a queue's calls; null when there is no such queue (any more).</summary>
    public async Task<WrapUpChoicesView?> ChoicesAsync(Guid queueId, CancellationToken cancellationToken) =>
        await db.Queues.AsNoTracking()
            .Where(queue => queue.Id == queueId)
            .Select(queue => new WrapUpChoicesView(queue.Name, queue.Dispositions, queue.DispositionRequired))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<WrapUpResult> SaveAsync(Guid callId, Guid agentId, WrapUpInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await ReadAsync(callId, cancellationToken);
        if (record is null || record.Result == CallRecord.InProgress)
        {
            // The record of a call that just ended is written by the background writer, in its next batch: the agent
            // may be quicker. Waiting for what it has taken makes the record there before it is read again.
            await records.FlushAsync(cancellationToken);
            record = await ReadAsync(callId, cancellationToken);
        }

        if (record is null)
            return WrapUpResult.Of(WrapUpOutcome.NotFound);
        if (record.Agents.Where(agent => agent.UserId == agentId).MaxBy(agent => agent.Position) is not { } part)
        {
            var stillOnIt = record.Result == CallRecord.InProgress && liveCalls.Find(callId) is { } live && live.Users.Contains(agentId);
            return WrapUpResult.Of(stillOnIt ? WrapUpOutcome.NotEnded : WrapUpOutcome.NotYours);
        }

        var choices = record.QueueId is { } queueId ? await ChoicesAsync(queueId, cancellationToken) : null;
        var wrapUp = WrapUpRules.Check(input.Disposition, input.Notes, choices?.QueueName, choices?.Dispositions ?? [],
            choices?.DispositionRequired ?? false, out var errors);
        if (wrapUp is null)
            return new WrapUpResult(WrapUpOutcome.Invalid, null, errors);

        db.Attach(part);
        part.Disposition = wrapUp.Disposition;
        part.Notes = wrapUp.Notes;
        part.WrappedUpAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new WrapUpResult(WrapUpOutcome.Saved, new WrapUpView(callId, part.Disposition, part.Notes, part.WrappedUpAt.Value), errors);
    }

    private Task<CallRecord?> ReadAsync(Guid callId, CancellationToken cancellationToken) =>
        db.CallRecords.AsNoTracking().Include(record => record.Agents).FirstOrDefaultAsync(record => record.Id == callId, cancellationToken);
}
