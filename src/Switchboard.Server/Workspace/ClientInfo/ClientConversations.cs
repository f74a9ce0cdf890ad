using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Crm;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// Finds a call for an agent's Client info. While the call is live, every user it rang or was connected to may look
/// at it; once it has ended, the agent who answered it may, so that wrap-up can still add or select the contact.
/// Everyone else is told there is no such call.
/// </summary>
public sealed class ClientConversations(ILiveCallDirectory liveCalls, AcceptedCalls accepted, SwitchboardDbContext db)
{
    public async Task<ClientConversation?> FindCallAsync(Guid callId, Guid userId, CancellationToken cancellationToken)
    {
        if (liveCalls.Find(callId) is { } live)
        {
            return live.Users.Contains(userId)
                ? new ClientConversation(
                    callId,
                    TimelineEntryKind.Call,
                    IdentifierOf(live.CallerNumber),
                    live.QueueId,
                    live.StartedAt,
                    live.Variables.Snapshot().ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
                    accepted.HasAccepted(callId, userId))
                : null;
        }

        var record = await db.CallRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == callId && r.AgentUserId == userId, cancellationToken);
        // Call variables live with the call only; after it ended the page keeps showing those it had.
        return record is null
            ? null
            : new ClientConversation(
                callId,
                TimelineEntryKind.Call,
                IdentifierOf(record.CallerNumber),
                record.QueueId,
                record.StartedAt,
                new Dictionary<string, string>(),
                Accepted: true);
    }

    private static CallerNumberIdentifier? IdentifierOf(string? callerNumber) =>
        string.IsNullOrWhiteSpace(callerNumber) ? null : new CallerNumberIdentifier(callerNumber);
}
