using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Server.TelephonyHosting;

namespace Switchboard.Server.Workspace;

/// <summary>
/// Reads a call's record as the desk needs it right after something happened on the call: the record writer stores
/// in batches, in the background, so what was just told may not be in the database yet; a read that does not find
/// it waits for what the writer has taken and reads once more.
/// </summary>
public sealed class WrittenCallRecords(SwitchboardDbContext db, CallRecordWriter writer)
{
    /// <summary>
    /// The call's record with the parts of <paramref name="agentId"/>; read again after the writer's flush when
    /// <paramref name="written"/> says what was read does not show yet what the caller knows happened.
    /// </summary>
    public async Task<CallRecord?> ReadAsync(Guid callId, Guid agentId, Func<CallRecord?, bool> written, CancellationToken cancellationToken)
    {
        var record = await ReadOnceAsync(callId, agentId, cancellationToken);
        if (written(record))
            return record;
        await writer.FlushAsync(cancellationToken);
        return await ReadOnceAsync(callId, agentId, cancellationToken);
    }

    private Task<CallRecord?> ReadOnceAsync(Guid callId, Guid agentId, CancellationToken cancellationToken) =>
        db.CallRecords.AsNoTracking()
            .Include(record => record.Agents.Where(agent => agent.UserId == agentId).OrderBy(agent => agent.Position))
            .FirstOrDefaultAsync(record => record.Id == callId, cancellationToken);
}
