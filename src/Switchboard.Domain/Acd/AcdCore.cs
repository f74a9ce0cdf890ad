using System.Runtime.InteropServices;

namespace Switchboard.Domain.Acd;

/// <summary>
/// The ACD's decisions, as a pure synchronous state machine: it owns every queue's waiting list and every
/// agent's live state, takes one input at a time with the current time, and returns what follows (commands,
/// events, timers to arm). It never reads a clock, never waits and never polls: every decision is made on an
/// input. It is not thread-safe by design; <see cref="AcdDispatcher"/> is its one owner at run time.
/// </summary>
/// <remarks>
/// After every input, waiting calls are offered in the cross-queue order (<see cref="WaitingCallOrder"/>): each one
/// not yet ringing (or any ring-all call) goes to available members of its queue, chosen by <see cref="AgentPicker"/>.
/// An offer makes the agent unavailable, so this leaves no available agent beside a call they could take, and an
/// agent freed alone gets the best call among all their queues. A call that reaches its maximum wait leaves even
/// while ringing (the offer is cancelled).
/// <para>
/// Nothing is recounted per input. Each queue keeps its waiting calls in serving order, those ringing nobody, its
/// available members in member order and its counters, all updated where a call or an agent changes (an agent's
/// change reaches each queue they are a member of). Only queues where an agent became available, a call stopped
/// ringing or the settings changed can have a call to offer, so only those are looked at; a decision costs a few
/// binary-search steps per queue involved, whatever the number of queues, agents and calls.
/// </para>
/// <para>
/// Deciding allocates nothing: the decisions are values (<see cref="AcdDecision"/>) in a buffer reused from input to
/// input, and a call's stay, an offer and a conversation that ended are kept for the next ones.
/// </para>
/// <para>
/// A waiting item has a <see cref="WorkKind"/> (calls today; chats and outbound members through the same queues
/// later) and an agent takes items of one kind at a time up to their capacity for it (one call, several chats), so
/// who is available is kept per kind.
/// </para>
/// </remarks>
public sealed class AcdCore
{
    private readonly AcdOptions _options;
    private readonly Random _random;
    private readonly Dictionary<Guid, QueueState> _queues = [];
    private readonly Dictionary<Guid, AgentState> _agents = [];
    private readonly Dictionary<Guid, WaitingCall> _waiting = [];
    private readonly Dictionary<OfferId, Offer> _offers = [];
    private readonly Dictionary<Guid, ConnectedCall> _connected = [];
    private long _lastOfferId;
    private long _lastEntry;

    // Queues that may have a call to offer after this input (each once, flagged by QueueState.MayServe).
    private readonly List<QueueState> _mayServe = [];
    private readonly List<Candidate> _ringAllTargets = [];

    // Reused from input to input: the decisions are read before the next input is handled.
    private readonly List<AcdDecision> _decisions = [];

    // Calls, offers and conversations that ended, kept for the next ones, so that deciding allocates nothing.
    private readonly Stack<WaitingCall> _freeCalls = new();
    private readonly Stack<Offer> _freeOffers = new();
    private readonly Stack<ConnectedCall> _freeConnected = new();
    private DateTimeOffset _now;

    /// <param name="random">Used by the random strategy only; pass a seeded one for reproducible runs.</param>
    public AcdCore(AcdOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        _options = options;
        _random = random;
    }

    /// <summary>
    /// Applies one input at <paramref name="now"/> and returns the decisions, in the order they were taken. They are
    /// the core's own buffer, reused by the next input: read (or copy) them before handling another.
    /// </summary>
    public ReadOnlySpan<AcdDecision> Handle(AcdInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input is AcdTimerInput timer)
            return Handle(AcdTimer.Of(timer), now);

        Begin(now);
        switch (input)
        {
            case QueueConfigured configured: Configure(configured.Settings); break;
            case QueueRemoved removed: RemoveQueue(removed.QueueId); break;
            case CallArrived arrived: Arrive(arrived); break;
            case CallEnded ended: EndCall(ended.CallId); break;
            case AgentAcceptedOffer accepted: Accept(accepted.OfferId); break;
            case AgentRefusedOffer refused: RefuseOffer(refused.OfferId); break;
            case OfferFailed failed: NotAnswered(failed.OfferId, tellTelephony: false); break;
            case SetAgentStatus status: ChangeStatus(status.AgentId, status.Status); break;
            case SetAgentReachable reachable: ChangeReachable(reachable.AgentId, reachable.Reachable); break;
            case SetAgentBusyElsewhere busy: ChangeBusyElsewhere(busy.AgentId, busy.Busy); break;
            case SetAgentCapacity capacity: ChangeCapacity(capacity); break;
            default: throw new ArgumentException($"Unknown ACD input {input.GetType().Name}", nameof(input));
        }

        return End();
    }

    /// <summary>A timer the core asked for fell due (<see cref="AcdDecisionKind.ScheduleTimer"/>); as <see cref="Handle(AcdInput, DateTimeOffset)"/>.</summary>
    public ReadOnlySpan<AcdDecision> Handle(AcdTimer timer, DateTimeOffset now)
    {
        Begin(now);
        switch (timer.Kind)
        {
            case AcdTimerKind.RingTimeout: NotAnswered(new OfferId(timer.Number), tellTelephony: true); break;
            case AcdTimerKind.MaxWait: TimeOut(timer.Id, timer.Number); break;
            default: EndPause(timer.Id, timer.Number); break;
        }

        return End();
    }

    private void Begin(DateTimeOffset now)
    {
        _now = now;
        _decisions.Clear();
    }

    private ReadOnlySpan<AcdDecision> End()
    {
        OfferWaitingCalls();
        return CollectionsMarshal.AsSpan(_decisions);
    }

    /// <summary>The live counters of every queue, to read from any thread; a queue's object lives as long as the queue.</summary>
    public IReadOnlyList<QueueCounters> Counters() => [.. _queues.Values.Select(queue => queue.Counters)];

    /// <summary>
    /// Live state of every queue and every known agent at <paramref name="now"/>, built on demand (it visits
    /// everything: for views and tests, not for decisions).
    /// </summary>
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
        if (_queues.TryGetValue(settings.QueueId, out var queue))
        {
            DropMemberships(queue);
            queue.Configure(settings);
            // The cross-queue order reads the queue's priority from each call.
            if (queue.Waiting.Count > 0 && queue.Waiting.Min!.QueuePriority != settings.Priority)
            {
                foreach (var call in queue.Waiting)
                    call.QueuePriority = settings.Priority;
            }
        }
        else
        {
            queue = new QueueState(settings, _options.RecentWaitsForEstimate);
            _queues.Add(settings.QueueId, queue);
        }

        // Members, levels and strategy may all have changed: count this queue's agents afresh (configuration is rare).
        var ready = 0;
        foreach (var member in queue.MembersInOrder)
        {
            var agent = AgentFor(member.UserId);
            agent.Memberships.Add(new Membership(queue, member));
            if (agent.CountedReady)
                ready++;
            if (agent.CountedBusySince is { } since)
                queue.Counters.CountBusy(1, since);
            foreach (var kind in WorkKinds.All)
            {
                if (agent.CountedAvailable[(int)kind])
                    queue.AddAvailable(kind, new Candidate(member, agent));
            }
        }

        queue.Counters.ReadyAgents = ready;
        MayServe(queue);
    }

    private void DropMemberships(QueueState queue)
    {
        foreach (var member in queue.MembersInOrder)
        {
            if (_agents.TryGetValue(member.UserId, out var agent))
                agent.Memberships.RemoveAll(membership => membership.Queue == queue);
        }

        queue.ClearAgents();
    }

    private void RemoveQueue(Guid queueId)
    {
        if (!_queues.Remove(queueId, out var queue))
            return;

        DropMemberships(queue);

        foreach (var call in queue.Waiting.ToArray())
        {
            Leave(call, OfferCancelReason.QueueRemoved);
            Command(AcdDecisionKind.LeaveQueue, call.CallId, code: (int)CallOutcome.QueueRemoved);
            Event(AcdDecisionKind.CallWithdrawn, call.CallId, queueId, duration: _now - call.ArrivedAt);
            Free(call);
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

        if (arrived.RefuseWhenNoReadyAgent && queue.Counters.ReadyAgents == 0)
        {
            RefuseArrival(arrived, RefusalReason.NoReadyAgent);
            return;
        }

        var call = _freeCalls.TryPop(out var free) ? free : new WaitingCall();
        call.Start(arrived.CallId, arrived.Kind, queue, arrived.Priority, _now, ++_lastEntry);
        _waiting.Add(call.CallId, call);
        queue.AddWaiting(call);
        MayServe(queue);
        Event(AcdDecisionKind.CallEnteredQueue, call.CallId, queue.Id, number: call.Priority, position: queue.PositionOfNewest(call));

        var maxWait = arrived.MaxWaitSeconds is { } seconds
            ? (seconds > 0 ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null)
            : settings.MaxWait;
        if (maxWait is { } wait)
            Schedule(_now + wait, new AcdTimer(AcdTimerKind.MaxWait, call.CallId, call.Entry));
    }

    private void RefuseArrival(CallArrived arrived, RefusalReason reason)
    {
        Command(AcdDecisionKind.LeaveQueue, arrived.CallId, code: (int)CallRefused.OutcomeOf(reason));
        Event(AcdDecisionKind.CallRefused, arrived.CallId, arrived.QueueId, code: (int)reason);
    }

    private void EndCall(Guid callId)
    {
        if (_waiting.TryGetValue(callId, out var call))
        {
            Leave(call, OfferCancelReason.CallerHungUp);
            Event(AcdDecisionKind.CallAbandoned, callId, call.Queue.Id, duration: _now - call.ArrivedAt);
            Free(call);
            return;
        }

        if (!_connected.Remove(callId, out var connected))
            return;
        _freeConnected.Push(connected);

        var agent = connected.Agent;
        agent.Work.Remove(connected);
        agent.AddTalkTime(Today(), _now - connected.AnsweredAt);
        if (_queues.TryGetValue(connected.QueueId, out var answeredFrom))
            answeredFrom.RecordHandleTime(_now - connected.AnsweredAt + connected.WrapUp);
        if (agent.Work.Count > 0 || agent.Offer is not null)
        {
            // Other chats go on, or the next one rings already: wrap-up follows the last item.
            Recount(agent);
            return;
        }

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

        Recount(agent);
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
        _freeOffers.Push(offer);
        var waited = _now - call.ArrivedAt;
        queue.RecordAnsweredWait(waited);
        agent.UnansweredInARow = 0;
        agent.CountAnswered(Today());
        var connected = _freeConnected.TryPop(out var free) ? free : new ConnectedCall();
        connected.Start(call.CallId, call.Kind, queue.Id, agent, _now, queue.Settings.WrapUp);
        _connected.Add(call.CallId, connected);
        agent.Work.Add(connected);
        agent.BusySince ??= _now;
        SetActivity(agent, AgentActivity.OnCall);
        Recount(agent);
        Command(AcdDecisionKind.ConnectCall, call.CallId, agent.Id, offerId);
        Event(AcdDecisionKind.OfferAnswered, call.CallId, queue.Id, agent.Id, offerId, waited);

        Leave(call, OfferCancelReason.AnsweredElsewhere);
        Free(call);
    }

    private void RefuseOffer(OfferId offerId)
    {
        if (!_offers.TryGetValue(offerId, out var offer))
            return;

        EndOffer(offer);
        offer.Call.Tried(offer.Agent.Id);
        Event(AcdDecisionKind.OfferRefused, offer.Call.CallId, offer.Call.Queue.Id, offer.Agent.Id, offerId);
        Pause(offer.Agent, _options.RejectDelay);
        _freeOffers.Push(offer);
    }

    private void NotAnswered(OfferId offerId, bool tellTelephony)
    {
        if (!_offers.TryGetValue(offerId, out var offer))
            return;

        var call = offer.Call;
        var agent = offer.Agent;
        EndOffer(offer);
        call.Tried(agent.Id);
        _freeOffers.Push(offer);
        if (tellTelephony)
            Command(AcdDecisionKind.CancelOffer, call.CallId, agent.Id, offerId, code: (int)OfferCancelReason.NoAnswer);
        Event(AcdDecisionKind.OfferNotAnswered, call.CallId, call.Queue.Id, agent.Id, offerId);

        agent.UnansweredInARow++;
        var limit = call.Queue.Settings.MaxNoAnswer;
        if (limit > 0 && agent.UnansweredInARow >= limit)
        {
            agent.UnansweredInARow = 0;
            agent.Status = AgentStatus.NotAvailable;
            Recount(agent);
            StatusChanged(agent.Id, AgentStatus.NotAvailable, StatusChangeReason.TooManyUnansweredOffers);
            return;
        }

        Pause(agent, _options.NoAnswerDelay);
    }

    private void TimeOut(Guid callId, long entry)
    {
        if (!_waiting.TryGetValue(callId, out var call) || call.Entry != entry)
            return;

        Leave(call, OfferCancelReason.CallTimedOut);
        Command(AcdDecisionKind.LeaveQueue, callId, code: (int)CallOutcome.TimedOut);
        Event(AcdDecisionKind.CallTimedOut, callId, call.Queue.Id, duration: _now - call.ArrivedAt);
        Free(call);
    }

    private void EndPause(Guid agentId, long generation)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.PausedUntil is null || agent.PauseGeneration != generation)
            return;

        agent.PausedUntil = null;
        if (agent.Activity == AgentActivity.WrapUp)
            SetActivity(agent, AgentActivity.Idle);
        Recount(agent);
    }

    private void ChangeStatus(Guid agentId, AgentStatus status)
    {
        var agent = AgentFor(agentId);
        if (agent.Status == status)
            return;

        agent.Status = status;
        StatusChanged(agentId, status, StatusChangeReason.Chosen);
        if (status == AgentStatus.Ready)
        {
            agent.IdleSince = _now;
            agent.UnansweredInARow = 0;
        }
        else if (agent.Offer is { } offer)
        {
            CancelOffer(offer, OfferCancelReason.AgentNotReady);
        }

        Recount(agent);
    }

    private void ChangeReachable(Guid agentId, bool reachable)
    {
        var agent = AgentFor(agentId);
        if (agent.Reachable == reachable)
            return;

        agent.Reachable = reachable;
        _decisions.Add(new AcdDecision(AcdDecisionKind.AgentReachabilityChanged, _now, Guid.Empty, Guid.Empty, agentId, default, Flag: reachable));
        if (!reachable && agent.Offer is { } offer)
            CancelOffer(offer, OfferCancelReason.AgentUnreachable);
        Recount(agent);
    }

    private void ChangeBusyElsewhere(Guid agentId, bool busy)
    {
        var agent = AgentFor(agentId);
        agent.BusyElsewhere = busy;
        // Their phone is taken by the other call: an offer still ringing them goes to someone else.
        if (busy && agent.Offer is { } offer)
            CancelOffer(offer, OfferCancelReason.AgentNotReady);
        Recount(agent);
    }

    private void ChangeCapacity(SetAgentCapacity capacity)
    {
        var agent = AgentFor(capacity.AgentId);
        // Work already taken goes on; the new capacity applies to the next offers.
        agent.SetCapacity(capacity.Kind, capacity.Capacity);
        Recount(agent);
    }

    /// <summary>
    /// Offers waiting calls until no queue has both a call to offer and an available member. Each round takes the
    /// first call in the cross-queue order among the queues' next calls; offers only take agents away, so the
    /// calls are offered in that order, as if every waiting call were visited in turn.
    /// </summary>
    private void OfferWaitingCalls()
    {
        while (true)
        {
            WaitingCall? next = null;
            for (var index = _mayServe.Count - 1; index >= 0; index--)
            {
                var queue = _mayServe[index];
                if (NextToOffer(queue) is not { } call)
                {
                    queue.MayServe = false;
                    _mayServe[index] = _mayServe[^1];
                    _mayServe.RemoveAt(_mayServe.Count - 1);
                    continue;
                }

                if (next is null || WaitingCallOrder.AcrossQueues.Compare(call, next) < 0)
                    next = call;
            }

            if (next is null)
                return;

            var available = next.Queue.Available(next.Kind);
            if (next.Queue.Settings.Strategy == QueueStrategy.RingAll)
            {
                // Offering takes each agent out of the available list, so ring from a copy.
                AgentPicker.RingAllTargets(next, available, _ringAllTargets);
                foreach (var candidate in _ringAllTargets)
                    Offer(next, candidate);
            }
            else
            {
                Offer(next, AgentPicker.PickOne(next, available, Today(), _random));
            }
        }
    }

    /// <summary>The queue's first call that an available member would be offered now, if any.</summary>
    private WaitingCall? NextToOffer(QueueState queue)
    {
        // A removed queue has no available members left, so it never offers again.
        WaitingCall? next = null;
        var anyAvailable = false;
        foreach (var kind in WorkKinds.All)
        {
            if (queue.Available(kind).Count == 0)
                continue;
            anyAvailable = true;
            var notRinging = queue.NotRinging(kind);
            if (notRinging.Count > 0 && (next is null || WaitingCallOrder.WithinQueue.Compare(notRinging.Min, next) < 0))
                next = notRinging.Min;
        }

        if (!anyAvailable || queue.Settings.Strategy != QueueStrategy.RingAll)
            return next;

        // Ring-all: a ringing call also takes agents up to its highest ringing level; the first such call goes first.
        foreach (var call in queue.Waiting)
        {
            AgentPicker.RingAllTargets(call, queue.Available(call.Kind), _ringAllTargets);
            if (_ringAllTargets.Count > 0)
                return call;
        }

        return null;
    }

    private void MayServe(QueueState queue)
    {
        if (queue.MayServe)
            return;
        queue.MayServe = true;
        _mayServe.Add(queue);
    }

    private void Offer(WaitingCall call, Candidate candidate)
    {
        var agent = candidate.Agent;
        var settings = call.Queue.Settings;
        var offer = _freeOffers.TryPop(out var free) ? free : new Offer();
        offer.Start(new OfferId(++_lastOfferId), call, agent);
        _offers.Add(offer.Id, offer);
        AddOffer(call, offer);
        agent.Offer = offer;
        call.Queue.LastOffered = candidate.Member;
        SetActivity(agent, AgentActivity.Offered);
        Recount(agent);
        Command(AcdDecisionKind.OfferCall, call.CallId, agent.Id, offer.Id, settings.RingTimeout);
        Event(AcdDecisionKind.CallOffered, call.CallId, settings.QueueId, agent.Id, offer.Id);
        Schedule(_now + settings.RingTimeout, new AcdTimer(AcdTimerKind.RingTimeout, Guid.Empty, offer.Id.Value));
    }

    /// <summary>The call leaves its queue unanswered: its offers are withdrawn and it stops waiting.</summary>
    private void Leave(WaitingCall call, OfferCancelReason reason)
    {
        // Cancelling detaches the offer from the call, first to last as they were made.
        while (call.Offers.Count > 0)
            CancelOffer(call.Offers[0], reason);
        _waiting.Remove(call.CallId);
        call.Queue.RemoveWaiting(call);
    }

    private void CancelOffer(Offer offer, OfferCancelReason reason)
    {
        EndOffer(offer);
        Command(AcdDecisionKind.CancelOffer, offer.Call.CallId, offer.Agent.Id, offer.Id, code: (int)reason);
        Event(AcdDecisionKind.OfferCancelled, offer.Call.CallId, offer.Call.Queue.Id, offer.Agent.Id, offer.Id, code: (int)reason);
        _freeOffers.Push(offer);
    }

    private void EndOffer(Offer offer)
    {
        Detach(offer);
        SetActivity(offer.Agent, offer.Agent.Work.Count > 0 ? AgentActivity.OnCall : AgentActivity.Idle);
        Recount(offer.Agent);
    }

    private void Detach(Offer offer)
    {
        _offers.Remove(offer.Id);
        var call = offer.Call;
        call.Offers.Remove(offer);
        offer.Agent.Offer = null;
        // A call still waiting that rings nobody now is to be offered again.
        if (call.Offers.Count == 0 && _waiting.ContainsKey(call.CallId))
        {
            call.Queue.NotRinging(call.Kind).Add(call);
            MayServe(call.Queue);
        }
    }

    private static void AddOffer(WaitingCall call, Offer offer)
    {
        if (call.Offers.Count == 0)
            call.Queue.NotRinging(call.Kind).Remove(call);
        call.Offers.Add(offer);
    }

    /// <summary>
    /// Brings the agent's place in each of their queues' counts up to date with their state: Ready agents, and the
    /// members available for an offer (an agent who became available may be offered a call of any of their queues).
    /// </summary>
    private void Recount(AgentState agent)
    {
        var ready = agent.IsReady;
        if (ready != agent.CountedReady)
        {
            agent.CountedReady = ready;
            foreach (var membership in agent.Memberships)
                membership.Queue.Counters.ReadyAgents += ready ? 1 : -1;
        }

        if (agent.Work.Count == 0 && agent.Activity != AgentActivity.WrapUp)
            agent.BusySince = null;
        var busySince = ready ? agent.BusySince : null;
        if (busySince != agent.CountedBusySince)
        {
            foreach (var membership in agent.Memberships)
            {
                if (agent.CountedBusySince is { } counted)
                    membership.Queue.Counters.CountBusy(-1, counted);
                if (busySince is { } since)
                    membership.Queue.Counters.CountBusy(1, since);
            }

            agent.CountedBusySince = busySince;
        }

        foreach (var kind in WorkKinds.All)
        {
            var available = agent.CanTake(kind);
            if (available == agent.CountedAvailable[(int)kind])
                continue;
            agent.CountedAvailable[(int)kind] = available;
            foreach (var membership in agent.Memberships)
            {
                var candidate = new Candidate(membership.Member, agent);
                if (available)
                {
                    membership.Queue.AddAvailable(kind, candidate);
                    MayServe(membership.Queue);
                }
                else
                {
                    membership.Queue.RemoveAvailable(kind, candidate);
                }
            }
        }
    }

    private void Pause(AgentState agent, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
            return;

        agent.PauseGeneration++;
        agent.PausedUntil = _now + duration;
        Recount(agent);
        Schedule(_now + duration, new AcdTimer(AcdTimerKind.PauseEnd, agent.Id, agent.PauseGeneration));
    }

    private void SetActivity(AgentState agent, AgentActivity activity)
    {
        if (agent.Activity == activity)
            return;
        agent.Activity = activity;
        _decisions.Add(new AcdDecision(AcdDecisionKind.AgentActivityChanged, _now, Guid.Empty, Guid.Empty, agent.Id, default, Code: (int)activity));
    }

    private void Command(AcdDecisionKind kind, Guid callId, Guid agentId = default, OfferId offerId = default, TimeSpan duration = default, int code = 0) =>
        _decisions.Add(new AcdDecision(kind, _now, callId, Guid.Empty, agentId, offerId, duration, Code: code));

    private void Event(
        AcdDecisionKind kind, Guid callId, Guid queueId, Guid agentId = default, OfferId offerId = default, TimeSpan duration = default,
        int number = 0, int position = 0, int code = 0) =>
        _decisions.Add(new AcdDecision(kind, _now, callId, queueId, agentId, offerId, duration, number, position, code));

    private void StatusChanged(Guid agentId, AgentStatus status, StatusChangeReason reason) =>
        _decisions.Add(new AcdDecision(AcdDecisionKind.AgentStatusChanged, _now, Guid.Empty, Guid.Empty, agentId, default, Number: (int)status, Code: (int)reason));

    private void Schedule(DateTimeOffset dueAt, AcdTimer timer) =>
        _decisions.Add(new AcdDecision(AcdDecisionKind.ScheduleTimer, dueAt, Guid.Empty, Guid.Empty, Guid.Empty, default, Timer: timer));

    /// <summary>The call's stay is over (it left its queue): its object serves the next arrival.</summary>
    private void Free(WaitingCall call)
    {
        call.Clear();
        _freeCalls.Push(call);
    }

    private AgentState AgentFor(Guid agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            agent = new AgentState(agentId, _now, _options);
            _agents.Add(agentId, agent);
        }

        return agent;
    }

    private DateOnly Today() => DayOf(_now);

    private DateOnly DayOf(DateTimeOffset time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, _options.DayTimeZone).DateTime);

    private QueueSnapshot SnapshotOf(QueueState queue, DateTimeOffset now)
    {
        // The busy members are recounted here from the agents, not read from the live counters, so that a
        // snapshot checks what the core keeps incrementally.
        var busyAgents = 0;
        var busySinceSum = 0L;
        foreach (var member in queue.MembersInOrder)
        {
            if (_agents.TryGetValue(member.UserId, out var agent) && agent.IsReady && agent.BusySince is { } since)
            {
                busyAgents++;
                busySinceSum += since.ToUnixTimeMilliseconds();
            }
        }

        var calls = new WaitingCallSnapshot[queue.Waiting.Count];
        var longestWait = TimeSpan.Zero;
        var ahead = 0;
        foreach (var call in queue.Waiting)
        {
            var waited = now - call.ArrivedAt;
            var place = new WaitingPlace(ahead, waited, longestWait, RingsNow: call.Offers.Count > 0);
            calls[ahead] = new WaitingCallSnapshot(
                call.CallId,
                queue.Id,
                call.Priority,
                ahead + 1,
                call.ArrivedAt,
                waited,
                WaitEstimate.Of(queue.Counters, busyAgents, busySinceSum, now, place),
                [.. call.Offers.Select(offer => offer.Agent.Id)]);
            if (waited > longestWait)
                longestWait = waited;
            ahead++;
        }

        return new QueueSnapshot(
            queue.Id,
            queue.Settings.Name,
            queue.Settings.Strategy,
            calls,
            queue.MembersInOrder,
            queue.Counters.ReadyAgents,
            queue.Available(WorkKind.Call).Count)
        {
            EstimatedWaitOfNextCall = WaitEstimate.Of(
                queue.Counters, busyAgents, busySinceSum, now, new WaitingPlace(calls.Length, TimeSpan.Zero, longestWait, RingsNow: false)),
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
            agent.Offer?.Call.CallId ?? (agent.Work is [var first, ..] ? first.CallId : null),
            agent.Offer?.Call.Queue.Id ?? (agent.Work is [var taken, ..] ? taken.QueueId : null),
            agent.PausedUntil,
            agent.IdleSince,
            agent.AnsweredOn(today),
            agent.TalkTimeOn(today),
            agent.UnansweredInARow);
}
