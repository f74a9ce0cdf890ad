using System.Globalization;
using Switchboard.Data;

namespace Switchboard.Server.Tests.Calls;

/// <summary>
/// A call as the record writer and the queue event log writer store it, built step by step at given seconds after
/// its start: the lines of the log (numbered in order), and the record with its agents and transfers.
/// </summary>
public sealed class StoredCall
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private long _sequence;
    private long _offer;

    /// <param name="firstSequence">Where its lines start in the log: past those a running server's writer numbers.</param>
    public StoredCall(string result = "answeredFromQueue", Guid? queueId = null, long firstSequence = 0)
    {
        _sequence = firstSequence;
        Record = new CallRecord
        {
            Id = Guid.CreateVersion7(Start),
            SipCallId = $"{Guid.NewGuid():N}@test",
            CallerNumber = "+14155550123",
            DialledNumber = "+442071234567",
            StartedAt = Start,
            EndedAt = Start,
            Result = result,
            QueueId = queueId,
        };
    }

    public CallRecord Record { get; }

    public List<QueueEventRecord> Events { get; } = [];

    public StoredCall Entered(Guid queueId, double at) => Line(at, "callEnteredQueue", queueId, null, null, """{"priority":0,"position":1}""");

    /// <summary>An offer to the agent, and its outcome (<c>offerRefused</c>, <c>offerNotAnswered</c>, <c>offerCancelled</c>, or null for none yet).</summary>
    public StoredCall Offered(Guid queueId, Guid agentId, double at, string? outcomeKind, double outcomeAt, string outcomeDetail = "{}")
    {
        var offer = ++_offer;
        Line(at, "callOffered", queueId, agentId, offer, "{}");
        return outcomeKind is null ? this : Line(outcomeAt, outcomeKind, queueId, agentId, offer, outcomeDetail);
    }

    /// <summary>An offer the agent answered: the call leaves the queue with the answer.</summary>
    public StoredCall Answered(Guid queueId, Guid agentId, double at, double answeredAt)
    {
        var offer = ++_offer;
        Line(at, "callOffered", queueId, agentId, offer, "{}");
        return Line(answeredAt, "offerAnswered", queueId, agentId, offer, $$"""{"outcome":"answered","waitedSeconds":{{N(answeredAt)}}}""");
    }

    /// <summary>The call left the queue without an agent: <c>callAbandoned</c>, <c>callTimedOut</c>...</summary>
    public StoredCall Left(Guid queueId, string kind, string outcome, double at, double waited) =>
        Line(at, kind, queueId, null, null, $$"""{"outcome":"{{outcome}}","waitedSeconds":{{N(waited)}}}""");

    public StoredCall Talked(Guid userId, double from, double to, string ending, string? disposition = null, string? notes = null)
    {
        Record.AnsweredAt ??= Start.AddSeconds(from);
        Record.Agents.Add(new CallRecordAgent
        {
            CallId = Record.Id,
            Position = Record.Agents.Count,
            UserId = userId,
            ConnectedAt = Start.AddSeconds(from),
            LeftAt = Start.AddSeconds(to),
            Ending = ending,
            Disposition = disposition,
            Notes = notes,
        });
        return this;
    }

    public StoredCall Transferred(Guid byUserId, double at, Guid? toUserId = null, Guid? toQueueId = null, string? toNumber = null)
    {
        Record.Transfers.Add(new CallRecordTransfer
        {
            CallId = Record.Id,
            Position = Record.Transfers.Count,
            At = Start.AddSeconds(at),
            ByUserId = byUserId,
            ToUserId = toUserId,
            ToQueueId = toQueueId,
            ToNumber = toNumber,
        });
        return this;
    }

    public StoredCall Ended(double at, string? detail = null)
    {
        Record.EndedAt = Start.AddSeconds(at);
        Record.Detail = detail;
        return this;
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private StoredCall Line(double at, string kind, Guid? queueId, Guid? agentId, long? offerId, string detail)
    {
        Events.Add(new QueueEventRecord
        {
            Sequence = ++_sequence,
            At = Start.AddSeconds(at),
            Kind = kind,
            QueueId = queueId,
            CallId = Record.Id,
            AgentId = agentId,
            OfferId = offerId,
            Detail = detail,
        });
        return this;
    }
}
