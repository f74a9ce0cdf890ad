using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.Workspace;

/// <summary>
/// An agent's wrap-up of a call they talked on: the disposition and notes stored on their part of the call record
/// (their last part, when they talked twice), as soon as that part is over — a call they transferred may still go
/// on. The dispositions offered are those of the queue whose offer they answered. The desk and the REST API both
/// save through here.
/// </summary>
public sealed class CallWrapUps(SwitchboardDbContext db, WrittenCallRecords records, TimeProvider time)
{
    /// <summary>What the agent's wrap-up of the call offers; null when they have no part in it (or no such call).</summary>
    public async Task<WrapUpChoicesView?> ChoicesAsync(Guid callId, Guid agentId, CancellationToken cancellationToken) =>
        await PartAsync(callId, agentId, cancellationToken) is { } part ? await ChoicesOfAsync(part, cancellationToken) : null;

    public async Task<WrapUpResult> SaveAsync(Guid callId, Guid agentId, WrapUpInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await ReadAsync(callId, agentId, cancellationToken);
        if (record is null)
            return WrapUpResult.Of(WrapUpOutcome.NotFound);
        if (LastPart(record) is not { } part)
            return WrapUpResult.Of(WrapUpOutcome.NotYours);
        if (part.Ending == CallRecordAgent.InProgress)
            return WrapUpResult.Of(WrapUpOutcome.NotEnded);

        var choices = await ChoicesOfAsync(part, cancellationToken);
        var wrapUp = WrapUpRules.Check(input.Disposition, input.Notes, choices.QueueName, choices.Dispositions, choices.DispositionRequired, out var errors);
        if (wrapUp is null)
            return new WrapUpResult(WrapUpOutcome.Invalid, null, errors);

        db.Attach(part);
        part.Disposition = wrapUp.Disposition;
        part.Notes = wrapUp.Notes;
        part.WrappedUpAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new WrapUpResult(WrapUpOutcome.Saved, new WrapUpView(callId, part.Disposition, part.Notes, part.WrappedUpAt.Value), errors);
    }

    // The agent's part that just ended may still be with the record writer: the agent may be quicker than its batch.
    private Task<CallRecord?> ReadAsync(Guid callId, Guid agentId, CancellationToken cancellationToken) =>
        records.ReadAsync(callId, agentId, read => LastPart(read) is { Ending: not CallRecordAgent.InProgress }, cancellationToken);

    private async Task<CallRecordAgent?> PartAsync(Guid callId, Guid agentId, CancellationToken cancellationToken) =>
        LastPart(await ReadAsync(callId, agentId, cancellationToken));

    // A queue deleted since keeps no dispositions: the wrap-up has notes only.
    private async Task<WrapUpChoicesView> ChoicesOfAsync(CallRecordAgent part, CancellationToken cancellationToken) =>
        part.QueueId is { } queueId
            ? await db.Queues.AsNoTracking()
                .Where(queue => queue.Id == queueId)
                .Select(queue => new WrapUpChoicesView(queue.Name, queue.Dispositions, queue.DispositionRequired))
                .FirstOrDefaultAsync(cancellationToken) ?? WrapUpChoicesView.NotesOnly
            : WrapUpChoicesView.NotesOnly;

    private static CallRecordAgent? LastPart(CallRecord? record) => record?.Agents.MaxBy(agent => agent.Position);
}
