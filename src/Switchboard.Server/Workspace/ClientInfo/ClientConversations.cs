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

        // Ended moments ago: its record may still be on its way to the database.
        if (accepted.FindEnded(callId, userId) is { } ended)
            return Ended(callId, ended.CallerNumber, ended.QueueId, ended.StartedAt);

        var record = await db.CallRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == callId && r.Agents.Any(agent => agent.UserId == userId), cancellationToken);
        // Call variables live with the call only; after it ended the page keeps showing those it had.
        return record is null ? null : Ended(callId, record.CallerNumber, record.QueueId, record.StartedAt);
    }

    private static ClientConversation Ended(Guid callId, string? callerNumber, Guid? queueId, DateTimeOffset startedAt) =>
        new(callId, TimelineEntryKind.Call, IdentifierOf(callerNumber), queueId, startedAt, new Dictionary<string, string>(), Accepted: true);

    private static CallerNumberIdentifier? IdentifierOf(string? callerNumber) =>
        string.IsNullOrWhiteSpace(callerNumber) ? null : new CallerNumberIdentifier(callerNumber);
}
