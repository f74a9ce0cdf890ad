using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Crm;

namespace Switchboard.Server.Calls;

/// <summary>
/// Reads one call's detail for a viewer, the REST API's and the call page's: its record, its lines of the queue event
/// log, the names of the users and queues it met and the contacts it is bound to. Only for pages and the API: nothing
/// on a call's path reads the database.
/// </summary>
public sealed class CallDetailReader(SwitchboardDbContext db)
{
    public async Task<CallDetailResult> ReadAsync(Guid callId, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        var record = await db.CallRecords.AsNoTracking()
            .Include(call => call.Agents)
            .Include(call => call.Transfers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(call => call.Id == callId, cancellationToken);
        if (record is null)
            return new CallDetailResult(CallDetailOutcome.NotFound);
        var events = await db.QueueEvents.AsNoTracking().Where(e => e.CallId == callId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var takingPart = CallDetailComposition.TakingPart(record, events);
        if (!CallAccess.MayOpen(viewer, takingPart))
            return new CallDetailResult(CallDetailOutcome.Forbidden);

        var names = await CallNames.ReadAsync(
            db,
            takingPart.Concat(record.Transfers.Select(transfer => transfer.ByUserId)),
            events.Select(e => e.QueueId).Append(record.QueueId).Concat(record.Transfers.Select(transfer => transfer.ToQueueId)).OfType<Guid>(),
            cancellationToken);

        // A timeline refers to the call by its id as it was written; ids are written in lower case, but not by force.
        string[] references = [callId.ToString(), callId.ToString().ToUpperInvariant()];
        var contacts = await db.Timeline.AsNoTracking()
            .Where(entry => entry.Kind == TimelineEntryKind.Call && references.Contains(entry.ReferenceId))
            .Join(db.Contacts, entry => entry.ContactId, contact => contact.Id, (_, contact) => new CallContactView(contact.Id, contact.Name))
            .ToListAsync(cancellationToken);

        var detail = CallDetailComposition.Compose(record, events, names, [.. contacts.OrderBy(contact => contact.Name, StringComparer.CurrentCulture)]);
        return new CallDetailResult(CallDetailOutcome.Found, detail);
    }
}
