namespace Switchboard.Domain.Acd;

/// <summary>
/// The ACD's decisions, as a pure synchronous state machine: it owns every queue's waiting list and every
/// agent's live state, takes one input at a time with the current time, and returns what follows (commands,
/// events, timers to arm). It never reads a clock, never waits and never polls: every decision is made on an
/// input. It is not thread-safe by design; <see cref="AcdDispatcher"/> is its one owner at run time.
/// </summary>
/// <remarks>
/// After every input, waiting calls are visited in the cross-queue order (<see cref="WaitingCallOrder"/>) and
/// each one not yet ringing (or any ring-all call) is offered to available members of its queue, chosen by
/// <see cref="AgentPicker"/>. An offer makes the agent unavailable, so one pass leaves no available agent beside
/// a call they could take, and an agent freed alone gets the best call among all their queues.
/// A call that reaches its maximum wait leaves even while ringing (the offer is cancelled).
/// </remarks>
public sealed class AcdCore
{
    private readonly AcdOptions _options;
    private readonly Random _random;
    private readonly Dictionary<Guid, QueueState> _queues = [];
    private readonly Dictionary<Guid, AgentState> _agents = [];
    private readonly Dictionary<Guid, WaitingCall> _waiting = [];
    private readonly SortedSet<WaitingCall> _waitingAcrossQueues = new(WaitingCallOrder.AcrossQueues);
    private readonly Dictionary<OfferId, Offer> _offers = [];
    private readonly Dictionary<Guid, ConnectedCall> _connected = [];
    private long _lastOfferId;
    private long _lastEntry;

    private List<AcdOutput> _outputs = [];
    private DateTimeOffset _now;

    /// <param name="random">Used by the random strategy only; pass a seeded one for reproducible runs.</param>
    public AcdCore(AcdOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        _options = options;
        _random = random;
    }

    /// <summary>Applies one input at <paramref name="now"/> and returns the decisions, in the order they were taken.</summary>
    public IReadOnlyList<AcdOutput> Handle(AcdInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        _now = now;
        _outputs = [];

        switch (input)
        {
            case QueueConfigured configured: Configure(configured.Settings); break;
            case QueueRemoved removed: RemoveQueue(removed.QueueId); break;
            case CallArrived arrived: Arrive(arrived); break;
            case CallEnded ended: EndCall(ended.CallId); break;
            case AgentAcceptedOffer accepted: Accept(accepted.OfferId); break;
            case AgentRefusedOffer refused: RefuseOffer(refused.OfferId); break;
            case OfferFailed failed: NotAnswered(failed.OfferId, tellTelephony: false); break;
            case RingTimeoutElapsed elapsed: NotAnswered(elapsed.OfferId, tellTelephony: true); break;
            case MaxWaitElapsed elapsed: TimeOut(elapsed.CallId, elapsed.Entry); break;
            case AgentPauseElapsed elapsed: EndPause(elapsed.AgentId, elapsed.Generation); break;
            case SetAgentStatus status: ChangeStatus(status.AgentId, status.Status); break;
            case SetAgentReachable reachable: ChangeReachable(reachable.AgentId, reachable.Reachable); break;
            case SetAgentBusyElsewhere busy: ChangeBusyElsewhere(busy.AgentId, busy.Busy); break;
            default: throw new ArgumentException($"Unknown ACD input {input.GetType().Name}", nameof(input));
        }

        OfferWaitingCalls();
        return _outputs;
    }

    /// <summary>Live state of every queue and every known agent at <paramref name="now"/>.</summary>
    public AcdSnapshot Snapshot(DateTimeOffset now)
    {
        var queues = _queues.Values
            .OrderBy(queue => queue.Settings.Name, StringComparer.Ordinal)
            .ThenBy(queue => queue.Id)
            .Select(queue => SnapshotOf(queue, now))
            .ToArray();
        var agents = _agents.Values
            .OrderBy(agent => agent.Id)
            .Select(agent => SnapshotOf(agent, DayOf(now)))
            .ToArray();
        return new AcdSnapshot(now, queues, agents);
    }

    private void Configure(QueueSettings settings)
    {
        foreach (var member in settings.Members)
            AgentFor(member.UserId);

        if (!_queues.TryGetValue(settings.QueueId, out var queue))
        {
            _queues.Add(settings.QueueId, new QueueState(settings, _options.RecentWaitsForEstimate));
            return;
        }

        queue.Configure(settings);
        if (queue.Waiting.Count == 0 || queue.Waiting.Min!.QueuePriority == settings.Priority)
            return;

        // The cross-queue order depends on the queue's priority: re-place its calls under the new one.
        foreach (var call in queue.Waiting)
        {
            _waitingAcrossQueues.Remove(call);
            call.QueuePriority = settings.Priority;
            _waitingAcrossQueues.Add(call);
        }
    }

    private void RemoveQueue(Guid queueId)
    {
        if (!_queues.Remove(queueId, out var queue))
            return;

        foreach (var call in queue.Waiting.ToArray())
        {
            Leave(call, OfferCancelReason.QueueRemoved);
            _outputs.Add(new LeaveQueue(call.CallId, CallOutcome.QueueRemoved));
            _outputs.Add(new CallWithdrawn(_now, call.CallId, queueId, _now - call.ArrivedAt));
        }
    }

    private void Arrive(CallArrived arrived)
    {
        // A call already waiting or talking is ignored: telephony sends each stay once.
        if (_waiting.ContainsKey(arrived.CallId) || _connected.ContainsKey(arrived.CallId))
            return;

        if (!_queues.TryGetValue(arrived.QueueId, out var queue))
        {
            RefuseArrival(arrived, RefusalReason.UnknownQueue);
            return;
        }

        var settings = queue.Settings;
        if (settings.MaxWaitingCalls > 0 && queue.Waiting.Count >= settings.MaxWaitingCalls)
        {
            RefuseArrival(arrived, RefusalReason.QueueFull);
            return;
        }

        if (arrived.RefuseWhenNoReadyAgent && ReadyMembers(queue) == 0)
        {
            RefuseArrival(arrived, RefusalReason.NoReadyAgent);
            return;
        }

        var call = new WaitingCall(arrived.CallId, queue, arrived.Priority, _now, ++_lastEntry);
        _waiting.Add(call.CallId, call);
        queue.Waiting.Add(call);
        _waitingAcrossQueues.Add(call);
        _outputs.Add(new CallEnteredQueue(_now, call.CallId, queue.Id, call.Priority, PositionOf(call)));

        var maxWait = arrived.MaxWaitSeconds is { } seconds
            ? (seconds > 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null)
            : settings.MaxWait;
        if (maxWait is { } wait)
            _outputs.Add(new ScheduleTimer(_now + wait, new MaxWaitElapsed(call.CallId, call.Entry)));
    }

    private void RefuseArrival(CallArrived arrived, RefusalReason reason)
    {
        var refused = new CallRefused(_now, arrived.CallId, arrived.QueueId, reason);
        _outputs.Add(new LeaveQueue(arrived.CallId, refused.Outcome));
        _outputs.Add(refused);
    }

    private void EndCall(Guid callId)
    {
        if (_waiting.TryGetValue(callId, out var call))
        {
            Leave(call, OfferCancelReason.CallerHungUp);
            _outputs.Add(new CallAbandoned(_now, callId, call.Queue.Id, _now - call.ArrivedAt));
            return;
        }

        if (!_connected.Remove(callId, out var connected))
            return;

        var agent = connected.Agent;
        agent.Call = null;
        agent.AddTalkTime(Today(), _now - connected.AnsweredAt);
        agent.IdleSince = _now;
        if (connected.WrapUp > TimeSpan.Zero)
        {
            SetActivity(agent, AgentActivity.WrapUp);
            Pause(agent, connected.WrapUp);
        }
        else
        {
            SetActivity(agent, AgentActivity.Idle);
        }
    }

    private void Accept(OfferId offerId)
    {
        // An answer to an offer that already ended loses: the CancelOffer sent then is telephony's answer.
        if (!_offers.TryGetValue(offerId, out var offer))
            return;

        var call = offer.Call;
        var agent = offer.Agent;
        var queue = call.Queue;
        Detach(offer);
        var waited = _now - call.ArrivedAt;
        queue.RecordAnsweredWait(waited);
        agent.UnansweredInARow = 0;
        agent.CountAnswered(Today());
        var connected = new ConnectedCall(call.CallId, queue.Id, agent, _now, queue.Settings.WrapUp);
        _connected.Add(call.CallId, connected);
        agent.Call = connected;
        SetActivity(agent, AgentActivity.OnCall);
        _outputs.Add(new ConnectCall(call.CallId, agent.Id, offerId));
        _outputs.Add(new OfferAnswered(_now, call.CallId, queue.Id, agent.Id, offerId, waited));

        Leave(call, OfferCancelReason.AnsweredElsewhere);
    }

    private void RefuseOffer(OfferId offerId)
    {
        if (!_offers.TryGetValue(offerId, out var offer))
            return;

        EndOffer(offer);
        offer.Call.TriedAgents.Add(offer.Agent.Id);
        _outputs.Add(new OfferRefused(_now, offer.Call.CallId, offer.Call.Queue.Id, offer.Agent.Id, offerId));
        Pause(offer.Agent, _options.RejectDelay);
    }

    private void NotAnswered(OfferId offerId, bool tellTelephony)
    {
        if (!_offers.TryGetValue(offerId, out var offer))
            return;

        var call = offer.Call;
        var agent = offer.Agent;
        EndOffer(offer);
        call.TriedAgents.Add(agent.Id);
        if (tellTelephony)
            _outputs.Add(new CancelOffer(offerId, call.CallId, agent.Id, OfferCancelReason.NoAnswer));
        _outputs.Add(new OfferNotAnswered(_now, call.CallId, call.Queue.Id, agent.Id, offerId));

        agent.UnansweredInARow++;
        var limit = call.Queue.Settings.MaxNoAnswer;
        if (limit > 0 && agent.UnansweredInARow >= limit)
        {
            agent.UnansweredInARow = 0;
            agent.Status = AgentStatus.NotAvailable;
            _outputs.Add(new AgentStatusChanged(_now, agent.Id, AgentStatus.NotAvailable, StatusChangeReason.TooManyUnansweredOffers));
            return;
        }

        Pause(agent, _options.NoAnswerDelay);
    }

    private void TimeOut(Guid callId, long entry)
    {
        if (!_waiting.TryGetValue(callId, out var call) || call.Entry != entry)
            return;

        Leave(call, OfferCancelReason.CallTimedOut);
        _outputs.Add(new LeaveQueue(callId, CallOutcome.TimedOut));
        _outputs.Add(new CallTimedOut(_now, callId, call.Queue.Id, _now - call.ArrivedAt));
    }

    private void EndPause(Guid agentId, long generation)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.PausedUntil is null || agent.PauseGeneration != generation)
            return;

        agent.PausedUntil = null;
        if (agent.Activity == AgentActivity.WrapUp)
            SetActivity(agent, AgentActivity.Idle);
    }

    private void ChangeStatus(Guid agentId, AgentStatus status)
    {
        var agent = AgentFor(agentId);
        if (agent.Status == status)
            return;

        agent.Status = status;
        _outputs.Add(new AgentStatusChanged(_now, agentId, status, StatusChangeReason.Chosen));
        if (status == AgentStatus.Ready)
        {
            agent.IdleSince = _now;
            agent.UnansweredInARow = 0;
        }
        else if (agent.Offer is { } offer)
        {
            CancelOffer(offer, OfferCancelReason.AgentNotReady);
        }
    }

    private void ChangeReachable(Guid agentId, bool reachable)
    {
        var agent = AgentFor(agentId);
        if (agent.Reachable == reachable)
            return;

        agent.Reachable = reachable;
        _outputs.Add(new AgentReachabilityChanged(_now, agentId, reachable));
        if (!reachable && agent.Offer is { } offer)
            CancelOffer(offer, OfferCancelReason.AgentUnreachable);
    }

    private void ChangeBusyElsewhere(Guid agentId, bool busy)
    {
        var agent = AgentFor(agentId);
        agent.BusyElsewhere = busy;
        // Their phone is taken by the other call: an offer still ringing them goes to someone else.
        if (busy && agent.Offer is { } offer)
            CancelOffer(offer, OfferCancelReason.AgentNotReady);
    }

    private void OfferWaitingCalls()
    {
        // A queue with no available member now has none for its later calls either: offers only take agents away.
        HashSet<QueueState>? exhausted = null;
        foreach (var call in _waitingAcrossQueues)
        {
            var queue = call.Queue;
            var ringAll = queue.Settings.Strategy == QueueStrategy.RingAll;
            if ((!ringAll && call.Offers.Count > 0) || exhausted?.Contains(queue) == true)
                continue;

            var available = AvailableMembers(queue);
            if (available.Count == 0)
            {
                (exhausted ??= []).Add(queue);
                continue;
            }

            if (ringAll)
            {
                foreach (var candidate in AgentPicker.RingAllTargets(call, available).ToArray())
                    Offer(call, candidate);
            }
            else
            {
                Offer(call, AgentPicker.PickOne(call, available, Today(), _random));
            }
        }
    }

    private void Offer(WaitingCall call, Candidate candidate)
    {
        var agent = candidate.Agent;
        var settings = call.Queue.Settings;
        var offer = new Offer(new OfferId(++_lastOfferId), call, agent);
        _offers.Add(offer.Id, offer);
        call.Offers.Add(offer);
        agent.Offer = offer;
        call.Queue.LastOffered = candidate.Member;
        SetActivity(agent, AgentActivity.Offered);
        _outputs.Add(new OfferCall(call.CallId, agent.Id, offer.Id, settings.RingTimeout));
        _outputs.Add(new CallOffered(_now, call.CallId, settings.QueueId, agent.Id, offer.Id));
        _outputs.Add(new ScheduleTimer(_now + settings.RingTimeout, new RingTimeoutElapsed(offer.Id)));
    }

    /// <summary>The call leaves its queue unanswered: its offers are withdrawn and it stops waiting.</summary>
    private void Leave(WaitingCall call, OfferCancelReason reason)
    {
        foreach (var offer in call.Offers.ToArray())
            CancelOffer(offer, reason);
        RemoveWaiting(call);
    }

    private void RemoveWaiting(WaitingCall call)
    {
        _waiting.Remove(call.CallId);
        call.Queue.Waiting.Remove(call);
        _waitingAcrossQueues.Remove(call);
    }

    private void CancelOffer(Offer offer, OfferCancelReason reason)
    {
        EndOffer(offer);
        _outputs.Add(new CancelOffer(offer.Id, offer.Call.CallId, offer.Agent.Id, reason));
        _outputs.Add(new OfferCancelled(_now, offer.Call.CallId, offer.Call.Queue.Id, offer.Agent.Id, offer.Id, reason));
    }

    private void EndOffer(Offer offer)
    {
        Detach(offer);
        SetActivity(offer.Agent, AgentActivity.Idle);
    }

    private void Detach(Offer offer)
    {
        _offers.Remove(offer.Id);
        offer.Call.Offers.Remove(offer);
        offer.Agent.Offer = null;
    }

    private void Pause(AgentState agent, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
            return;

        agent.PauseGeneration++;
        agent.PausedUntil = _now + duration;
        _outputs.Add(new ScheduleTimer(_now + duration, new AgentPauseElapsed(agent.Id, agent.PauseGeneration)));
    }

    private void SetActivity(AgentState agent, AgentActivity activity)
    {
        if (agent.Activity == activity)
            return;
        agent.Activity = activity;
        _outputs.Add(new AgentActivityChanged(_now, agent.Id, activity));
    }

    private AgentState AgentFor(Guid agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            agent = new AgentState(agentId, _now);
            _agents.Add(agentId, agent);
        }

        return agent;
    }

    private List<Candidate> AvailableMembers(QueueState queue)
    {
        var available = new List<Candidate>();
        foreach (var member in queue.MembersInOrder)
        {
            if (_agents.TryGetValue(member.UserId, out var agent) && agent.CanTakeOffer)
                available.Add(new Candidate(member, agent));
        }

        return available;
    }

    private int ReadyMembers(QueueState queue) =>
        queue.MembersInOrder.Count(member =>
            _agents.TryGetValue(member.UserId, out var agent) && agent.Status == AgentStatus.Ready && agent.Reachable);

    private static int PositionOf(WaitingCall call) =>
        call.Queue.Waiting.GetViewBetween(call.Queue.Waiting.Min!, call).Count;

    private DateOnly Today() => DayOf(_now);

    private DateOnly DayOf(DateTimeOffset time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, _options.DayTimeZone).DateTime);

    private QueueSnapshot SnapshotOf(QueueState queue, DateTimeOffset now)
    {
        var position = 0;
        var calls = queue.Waiting
            .Select(call =>
            {
                position++;
                return new WaitingCallSnapshot(
                    call.CallId,
                    queue.Id,
                    call.Priority,
                    position,
                    call.ArrivedAt,
                    now - call.ArrivedAt,
                    queue.EstimatedWait(position),
                    [.. call.Offers.Select(offer => offer.Agent.Id)]);
            })
            .ToArray();
        return new QueueSnapshot(
            queue.Id,
            queue.Settings.Name,
            queue.Settings.Strategy,
            calls,
            queue.MembersInOrder,
            ReadyMembers(queue),
            AvailableMembers(queue).Count)
        {
            EstimatedWaitOfNextCall = queue.EstimatedWait(calls.Length + 1),
        };
    }

    private static AgentSnapshot SnapshotOf(AgentState agent, DateOnly today) =>
        new(
            agent.Id,
            agent.Status,
            agent.Activity,
            agent.Reachable,
            agent.BusyElsewhere,
            agent.Offer?.Id,
            agent.Offer?.Call.CallId ?? agent.Call?.CallId,
            agent.Offer?.Call.Queue.Id ?? agent.Call?.QueueId,
            agent.PausedUntil,
            agent.IdleSince,
            agent.AnsweredOn(today),
            agent.TalkTimeOn(today),
            agent.UnansweredInARow);
}
