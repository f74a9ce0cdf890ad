using System.Text.Json;
using Switchboard.Data;

namespace Switchboard.Server.Calls;

/// <summary>
/// Makes one call's detail from what was stored of it: its record (agents, transfers) and its lines of the queue event
/// log. Pure: the caller reads them (<see cref="CallDetailReader"/>).
/// </summary>
public static class CallDetailComposition
{
    // Steps of one instant keep the order things happen in: a transfer, then its agent leaving, then the queue it
    // sent the call to, then the next agent talking.
    private const int StartRank = 0;
    private const int TransferRank = 1;
    private const int AgentLeftRank = 2;
    private const int QueueRank = 3;
    private const int ConnectedRank = 4;
    private const int EndRank = 5;

    private static readonly HashSet<string> OfferOutcomeKinds = ["offerRefused", "offerNotAnswered", "offerCancelled", "offerAnswered"];

    private static readonly HashSet<string> LeftQueueKinds = ["offerAnswered", "callAbandoned", "callTimedOut", "callWithdrawn", "callRefused"];

    /// <param name="events">The call's lines of the queue event log, in any order.</param>
    public static CallDetailView Compose(CallRecord record, IEnumerable<QueueEventRecord> events, CallNames names, IReadOnlyList<CallContactView> contacts)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(names);
        var log = events.Where(e => e.CallId == record.Id).OrderBy(e => e.Sequence).ToList();
        var agents = record.Agents.OrderBy(agent => agent.Position).ToList();
        var transfers = record.Transfers.OrderBy(transfer => transfer.Position).ToList();
        var inProgress = record.Result == CallRecord.InProgress;

        var steps = new List<(CallStepView Step, int Rank, long Order)> { (new CallStepView(record.StartedAt, "started"), StartRank, 0) };
        steps.AddRange(QueueSteps(log, names).Select(step => (step.Step, QueueRank, step.Sequence)));
        foreach (var agent in agents)
        {
            steps.Add((new CallStepView(agent.ConnectedAt, "connected", UserId: agent.UserId, UserName: names.User(agent.UserId)), ConnectedRank, agent.Position));
            // A part still going on has not left yet.
            if (agent.Ending != CallRecordAgent.InProgress)
                steps.Add((new CallStepView(agent.LeftAt, "agentLeft", UserId: agent.UserId, UserName: names.User(agent.UserId), Outcome: agent.Ending), AgentLeftRank, agent.Position));
        }

        foreach (var transfer in transfers)
        {
            steps.Add((new CallStepView(transfer.At, "transferred", UserId: transfer.ByUserId, UserName: names.User(transfer.ByUserId),
                ToUserId: transfer.ToUserId, ToUserName: names.User(transfer.ToUserId), ToQueueId: transfer.ToQueueId,
                ToQueueName: names.Queue(transfer.ToQueueId), ToNumber: transfer.ToNumber), TransferRank, transfer.Position));
        }

        // A call the server stopped under has no known end (its record keeps its start): it ended after the last known step.
        var endedAt = record.Result == CallRecord.Interrupted ? steps.Max(step => step.Step.At) : record.EndedAt;
        if (!inProgress)
            steps.Add((new CallStepView(endedAt, "ended", Outcome: record.Result, Reason: record.Detail), EndRank, 0));

        return new CallDetailView(
            record.Id,
            record.CallerNumber,
            record.DialledNumber,
            record.StartedAt,
            record.AnsweredAt,
            record.EndedAt,
            record.Result,
            record.Detail,
            record.QueueId,
            names.Queue(record.QueueId),
            record.AnsweredAt is { } answered && !inProgress ? Seconds(record.EndedAt - answered) : null,
            [.. steps.OrderBy(step => step.Step.At).ThenBy(step => step.Rank).ThenBy(step => step.Order).Select(step => step.Step)],
            [.. agents.Select(agent => new CallAgentView(agent.UserId, names.User(agent.UserId), agent.ConnectedAt, agent.LeftAt,
                Seconds(agent.LeftAt - agent.ConnectedAt), agent.Ending, agent.Disposition, agent.Notes, agent.WrappedUpAt))],
            [.. transfers.Select(transfer => new CallTransferView(transfer.At, transfer.ByUserId, names.User(transfer.ByUserId),
                transfer.ToUserId, names.User(transfer.ToUserId), transfer.ToQueueId, names.Queue(transfer.ToQueueId), transfer.ToNumber))],
            contacts);
    }

    /// <summary>The users who took part in the call: offered it (by a queue or a transfer) or talked on it.</summary>
    public static IReadOnlySet<Guid> TakingPart(CallRecord record, IEnumerable<QueueEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Agents.Select(agent => agent.UserId)
            .Concat(record.Transfers.Where(transfer => transfer.ToUserId is not null).Select(transfer => transfer.ToUserId!.Value))
            .Concat(events.Where(e => e.CallId == record.Id && e.AgentId is not null).Select(e => e.AgentId!.Value))
            .ToHashSet();
    }

    private static IEnumerable<(CallStepView Step, long Sequence)> QueueSteps(IReadOnlyList<QueueEventRecord> log, CallNames names)
    {
        var outcomes = log.Where(e => e.OfferId is not null && OfferOutcomeKinds.Contains(e.Kind))
            .GroupBy(e => e.OfferId!.Value)
            .ToDictionary(offer => offer.Key, offer => offer.First());
        foreach (var line in log)
        {
            if (line.Kind == "callEnteredQueue")
            {
                yield return (new CallStepView(line.At, "enteredQueue", line.QueueId, names.Queue(line.QueueId)), line.Sequence);
            }
            else if (line.Kind == "callOffered")
            {
                var outcome = line.OfferId is { } offerId ? outcomes.GetValueOrDefault(offerId) : null;
                yield return (new CallStepView(line.At, "offered", line.QueueId, names.Queue(line.QueueId), line.AgentId, names.User(line.AgentId),
                    Outcome: outcome is null ? null : OfferOutcome(outcome.Kind),
                    Seconds: outcome is null ? null : Math.Max(0, (outcome.At - line.At).TotalSeconds),
                    Reason: outcome?.Kind == "offerCancelled" ? Text(outcome.Detail, "reason") : null), line.Sequence);
            }

            if (LeftQueueKinds.Contains(line.Kind))
            {
                yield return (new CallStepView(line.At, "leftQueue", line.QueueId, names.Queue(line.QueueId), line.AgentId, names.User(line.AgentId),
                    Outcome: Text(line.Detail, "outcome"), Seconds: Number(line.Detail, "waitedSeconds"), Reason: Text(line.Detail, "reason")), line.Sequence);
            }
        }
    }

    private static string OfferOutcome(string kind) => kind switch
    {
        "offerRefused" => "refused",
        "offerNotAnswered" => "notAnswered",
        "offerCancelled" => "cancelled",
        _ => "answered",
    };

    private static int Seconds(TimeSpan duration) => Math.Max(0, (int)duration.TotalSeconds);

    private static string? Text(string detail, string name)
    {
        using var document = JsonDocument.Parse(detail);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static double? Number(string detail, string name)
    {
        using var document = JsonDocument.Parse(detail);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }
}
