using Switchboard.Domain.Acd;

namespace Switchboard.Domain.Tests.Acd;

/// <summary>
/// A random day at the switchboard (fixed seeds): calls and chats arrive and hang up, agents change status, disconnect,
/// accept, refuse or let offers ring out, queues are reconfigured and time passes. Agents take one call or up to their
/// capacity of chats. The ACD's promises are checked
/// after every step, from what it said (commands and events) and what it shows (snapshot).
/// </summary>
public class AcdCoreSimulationTests
{
    private const int Steps = 5000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Promises_hold_after_every_step_of_a_random_day(int seed)
    {
        var day = new Simulation(seed);

        for (var step = 0; step < Steps; step++)
            day.Step(step);
        day.EndOfDay();

        day.AssertEveryCallEndedOnce();
        day.AssertTheDayExercisedEveryPath();
    }

    private sealed class Simulation
    {
        // Ring-all thrice: its overlapping offers are the rarest path, and a day must take it.
        private static readonly QueueStrategy[] Strategies = [.. Enum.GetValues<QueueStrategy>(), QueueStrategy.RingAll, QueueStrategy.RingAll];

        private readonly int _seed;
        private readonly Random _random;
        private readonly AcdHarness _acd;
        private readonly Guid[] _agents = [.. Enumerable.Range(1, 8).Select(index => new Guid(index, 0, 0, new byte[8]))];
        private readonly Guid[] _queueIds = [.. Enumerable.Range(1, 3).Select(index => new Guid(0, (short)index, 0, new byte[8]))];

        // What the test believes, built only from the ACD's outputs and the test's own inputs.
        private readonly Dictionary<Guid, DistributionQueue> _queues = [];
        private readonly Dictionary<OfferId, OpenOffer> _openOffers = [];
        // What each agent works on (one call, or chats up to their capacity), and each arrival's kind.
        private readonly Dictionary<Guid, List<Guid>> _workOfAgent = [];
        private readonly Dictionary<Guid, WorkKind> _kindOf = [];
        private readonly Dictionary<Guid, int> _chatCapacity = [];
        private readonly Random _kinds;
        private readonly Dictionary<Guid, List<CallOutcome>> _outcomes = [];
        private readonly HashSet<Guid> _arrived = [];
        private readonly List<OfferId> _endedOffers = [];
        private readonly Dictionary<Type, int> _seen = [];
        private int _step;
        private int _agentsSetAwayForMissedOffers;
        private int _mostWorkAtOnce;

        public Simulation(int seed)
        {
            _seed = seed;
            _random = new Random(seed);
            // Its own sequence, so that the kinds do not shift the day's other choices.
            _kinds = new Random(seed + 1000);
            _acd = new AcdHarness(new AcdOptions { RejectDelay = TimeSpan.FromSeconds(3), NoAnswerDelay = TimeSpan.FromSeconds(2) }, seed);
            foreach (var queueId in _queueIds)
                Configure(queueId);
            foreach (var agent in _agents)
            {
                _acd.Post(new SetAgentReachable(agent, true));
                _chatCapacity[agent] = _kinds.Next(4);
                _acd.Post(new SetAgentCapacity(agent, WorkKind.Chat, _chatCapacity[agent]));
            }
        }

        private sealed record OpenOffer(Guid CallId, Guid QueueId, Guid AgentId, DateTimeOffset At, TimeSpan RingTimeout);

        public void Step(int step)
        {
            _step = step;
            var before = _acd.Outputs.Count;
            Act();
            var outputs = _acd.Outputs.Skip(before).ToList();
            Observe(outputs);
            CheckState();
            CheckCountersAgainstARecount(outputs);
        }

        public void EndOfDay()
        {
            _step = Steps;
            var before = _acd.Outputs.Count;
            foreach (var call in _workOfAgent.Values.SelectMany(work => work).ToArray())
                _acd.Post(new CallEnded(call));
            _workOfAgent.Clear();
            foreach (var waiting in _acd.Snapshot().Queues.SelectMany(queue => queue.WaitingCalls))
                _acd.Post(new CallEnded(waiting.CallId));
            _acd.Advance(TimeSpan.FromHours(1));
            Observe(_acd.Outputs.Skip(before).ToList());
            CheckState();

            Assert.Empty(_openOffers);
            Assert.All(_acd.Snapshot().Agents, agent => Assert.Equal(AgentActivity.Idle, agent.Activity));
        }

        public void AssertEveryCallEndedOnce()
        {
            foreach (var call in _arrived)
                Expect(_outcomes.TryGetValue(call, out var outcomes) && outcomes.Count == 1, () => $"call {call} ended {outcomes?.Count ?? 0} times");
        }

        /// <summary>A day that never took a path could not catch a fault on it.</summary>
        public void AssertTheDayExercisedEveryPath()
        {
            var outcomes = _outcomes.Values.SelectMany(list => list).ToHashSet();
            foreach (var outcome in new[] { CallOutcome.Answered, CallOutcome.Abandoned, CallOutcome.TimedOut, CallOutcome.RefusedQueueFull, CallOutcome.RefusedNoReadyAgent })
                Expect(outcomes.Contains(outcome), () => $"no call ended {outcome}");
            foreach (var kind in new[] { typeof(OfferRefused), typeof(OfferNotAnswered), typeof(OfferCancelled), typeof(CallWithdrawn), typeof(CallEnteredQueue) })
                Expect(_seen.GetValueOrDefault(kind) > 0, () => $"no {kind.Name}");
            Expect(_seen.GetValueOrDefault(typeof(RingAllOverlap)) > 0, () => "no call rang several agents at once");
            Expect(_agentsSetAwayForMissedOffers > 0, () => "no agent was set Not available for missed offers");
            Expect(_mostWorkAtOnce >= 2, () => "no agent took several chats at once");
        }

        private void Act()
        {
            var roll = _random.Next(100);
            switch (roll)
            {
                case < 24: Arrive(); break;
                case < 40: AnswerSomeOffer(); break;
                case < 46: HangUpSomeWaitingCall(); break;
                case < 54: EndSomeConversation(); break;
                case < 62: _acd.Post(new SetAgentStatus(AnyAgent(), Pick(AgentStatus.Ready, AgentStatus.Ready, AgentStatus.BackSoon, AgentStatus.NotAvailable))); break;
                case < 65: _acd.Post(new SetAgentReachable(AnyAgent(), _random.Next(3) > 0)); break;
                case < 66: _acd.Post(new SetAgentBusyElsewhere(AnyAgent(), _random.Next(3) == 0)); break;
                case < 68: PostSomethingStale(); break;
                case < 70: Configure(Pick(_queueIds)); break;
                case < 71: RemoveOrRestoreSomeQueue(); break;
                default: _acd.Advance(TimeSpan.FromMilliseconds(_random.Next(0, 15_000))); break;
            }
        }

        private void Arrive()
        {
            var callId = Guid.NewGuid();
            _arrived.Add(callId);
            var maxWait = _random.Next(10) == 0 ? _random.Next(0, 120) : (int?)null;
            _kindOf[callId] = _kinds.Next(4) == 0 ? WorkKind.Chat : WorkKind.Call;
            _acd.Post(new CallArrived(callId, Pick(_queueIds), _random.Next(3), maxWait, RefuseWhenNoReadyAgent: _random.Next(10) == 0, _kindOf[callId]));
        }

        private void AnswerSomeOffer()
        {
            if (_openOffers.Count == 0)
                return;
            var offer = Pick(_openOffers.Keys.OrderBy(offer => offer.Value).ToArray());
            AcdInput answer = _random.Next(10) switch
            {
                < 6 => new AgentAcceptedOffer(offer),
                < 9 => new AgentRefusedOffer(offer),
                _ => new OfferFailed(offer),
            };
            _acd.Post(answer);
        }

        private void HangUpSomeWaitingCall()
        {
            var waiting = _acd.Snapshot().Queues.SelectMany(queue => queue.WaitingCalls).ToArray();
            if (waiting.Length > 0)
                _acd.Post(new CallEnded(Pick(waiting).CallId));
        }

        private void EndSomeConversation()
        {
            if (_workOfAgent.Count == 0)
                return;
            var agent = Pick(_workOfAgent.Keys.Order().ToArray());
            var work = _workOfAgent[agent];
            var call = work[_random.Next(work.Count)];
            work.Remove(call);
            if (work.Count == 0)
                _workOfAgent.Remove(agent);
            _acd.Post(new CallEnded(call));
        }

        private void PostSomethingStale()
        {
            if (_endedOffers.Count == 0)
                return;
            var ended = Pick(_endedOffers.ToArray());
            AcdInput stale = _random.Next(4) switch
            {
                0 => new AgentAcceptedOffer(ended),
                1 => new AgentRefusedOffer(ended),
                2 => new RingTimeoutElapsed(ended),
                _ => new CallEnded(Guid.NewGuid()),
            };
            Assert.Empty(_acd.Post(stale));
        }

        private void Configure(Guid queueId)
        {
            var queue = new DistributionQueue
            {
                Id = queueId,
                Name = $"Queue {queueId}",
                Strategy = Pick(Strategies),
                Priority = _random.Next(3),
                RingTimeoutSeconds = _random.Next(5, 30),
                MaxWaitSeconds = _random.Next(4) == 0 ? 0 : _random.Next(30, 300),
                MaxWaitingCalls = _random.Next(3) == 0 ? 0 : _random.Next(2, 8),
                WrapUpSeconds = _random.Next(0, 10),
                MaxNoAnswer = _random.Next(0, 4),
                Members = [.. _agents.Where(_ => _random.Next(10) < 6).Select(agent => new QueueMember(agent, _random.Next(1, 3), _random.Next(0, 6)))],
            };
            _queues[queueId] = queue;
            _acd.Post(new QueueConfigured(queue));
        }

        private void RemoveOrRestoreSomeQueue()
        {
            var queueId = Pick(_queueIds);
            if (_queues.Remove(queueId))
                _acd.Post(new QueueRemoved(queueId));
            else
                Configure(queueId);
        }

        private void Observe(List<AcdOutput> outputs)
        {
            var ringTimeouts = new Dictionary<OfferId, TimeSpan>();
            foreach (var output in outputs)
            {
                _seen[output.GetType()] = _seen.GetValueOrDefault(output.GetType()) + 1;
                switch (output)
                {
                    case OfferCall command:
                        ringTimeouts[command.OfferId] = command.RingTimeout;
                        break;
                    case CancelOffer command:
                        Expect(_openOffers.ContainsKey(command.OfferId), () => $"{command.OfferId} cancelled but not ringing");
                        break;
                    case ConnectCall command:
                        Expect(_openOffers.TryGetValue(command.OfferId, out var won) && won.AgentId == command.AgentId, () => "connected without an offer");
                        break;
                    case CallOffered offered:
                        Offered(offered, ringTimeouts);
                        break;
                    case OfferAnswered answered:
                        EndOffer(answered.OfferId, answered.AgentId);
                        if (!_workOfAgent.TryGetValue(answered.AgentId, out var work))
                            _workOfAgent[answered.AgentId] = work = [];
                        work.Add(answered.CallId);
                        _mostWorkAtOnce = Math.Max(_mostWorkAtOnce, work.Count);
                        break;
                    case OfferRefused refused:
                        EndOffer(refused.OfferId, refused.AgentId);
                        break;
                    case OfferNotAnswered missed:
                        EndOffer(missed.OfferId, missed.AgentId);
                        break;
                    case OfferCancelled cancelled:
                        EndOffer(cancelled.OfferId, cancelled.AgentId);
                        break;
                    case AgentStatusChanged { Reason: StatusChangeReason.TooManyUnansweredOffers }:
                        _agentsSetAwayForMissedOffers++;
                        break;
                }

                if (output is CallLeftQueue left)
                {
                    Expect(_arrived.Contains(left.CallId), () => "an outcome for a call that never arrived");
                    if (!_outcomes.TryGetValue(left.CallId, out var list))
                        _outcomes[left.CallId] = list = [];
                    list.Add(left.Outcome);
                    Expect(list.Count == 1, () => $"call {left.CallId} ended twice: {string.Join(", ", list)}");
                }
            }

            foreach (var offer in _openOffers.Values)
                Expect(!_outcomes.ContainsKey(offer.CallId), () => "an offer still rings for a call that left the queue");
        }

        private void Offered(CallOffered offered, Dictionary<OfferId, TimeSpan> ringTimeouts)
        {
            Expect(ringTimeouts.TryGetValue(offered.OfferId, out var ringTimeout), () => "offered without telling telephony");
            Expect(!_openOffers.Values.Any(offer => offer.AgentId == offered.AgentId), () => "an agent was offered a second call");
            var kind = _kindOf[offered.CallId];
            var taken = _workOfAgent.GetValueOrDefault(offered.AgentId) ?? [];
            Expect(kind == WorkKind.Call ? taken.Count == 0 : taken.Count < _chatCapacity[offered.AgentId], () => $"an agent working on {taken.Count} items was offered a {kind}");
            Expect(taken.All(item => _kindOf[item] == kind), () => "an agent was offered a second kind of work");
            Expect(!_outcomes.ContainsKey(offered.CallId), () => "a call that left the queue was offered");
            if (_openOffers.Values.Any(offer => offer.CallId == offered.CallId))
            {
                Assert.Equal(QueueStrategy.RingAll, _queues[offered.QueueId].Strategy);
                _seen[typeof(RingAllOverlap)] = _seen.GetValueOrDefault(typeof(RingAllOverlap)) + 1;
            }

            _openOffers.Add(offered.OfferId, new OpenOffer(offered.CallId, offered.QueueId, offered.AgentId, offered.At, ringTimeout));
        }

        private void EndOffer(OfferId offerId, Guid agentId)
        {
            Expect(_openOffers.Remove(offerId, out var offer) && offer.AgentId == agentId, () => $"{offerId} ended but was not ringing");
            _endedOffers.Add(offerId);
        }

        private void CheckState()
        {
            var snapshot = _acd.Snapshot();
            var agents = snapshot.Agents.ToDictionary(agent => agent.AgentId);

            foreach (var agent in snapshot.Agents)
            {
                var ringing = _openOffers.Where(pair => pair.Value.AgentId == agent.AgentId).Select(pair => (OfferId?)pair.Key).SingleOrDefault();
                Expect(agent.OfferId == ringing, () => $"agent {agent.AgentId} shows {agent.OfferId}, events say {ringing}");
                Expect((agent.Activity == AgentActivity.Offered) == (ringing is not null), () => $"agent {agent.AgentId} is {agent.Activity}");
                var onCall = _workOfAgent.TryGetValue(agent.AgentId, out var work);
                Expect((agent.Activity == AgentActivity.OnCall) == (onCall && ringing is null), () => $"agent {agent.AgentId} is {agent.Activity}, on call: {onCall}");
                if (onCall && ringing is null)
                    Assert.Contains(agent.CallId!.Value, work!);
            }

            foreach (var offer in _openOffers.Values)
                Expect(_acd.Now - offer.At < offer.RingTimeout, () => "an offer outlived its ring timeout: agent stuck reserved");

            var waiting = snapshot.Queues.SelectMany(queue => queue.WaitingCalls).ToList();
            var expectedWaiting = _arrived.Where(call => !_outcomes.ContainsKey(call)).ToHashSet();
            Expect(waiting.Count == expectedWaiting.Count && waiting.All(call => expectedWaiting.Contains(call.CallId)), () => "waiting calls differ from those that arrived and have not ended");
            foreach (var offer in _openOffers.Values)
                Assert.Contains(offer.AgentId, snapshot.WaitingCall(offer.CallId)!.OfferedTo);

            foreach (var queue in snapshot.Queues)
                CheckNoAvailableAgentBesideACallTheyCouldTake(queue, agents);
        }

        /// <summary>
        /// The core keeps its counts as things change instead of recounting; here they are recounted from scratch
        /// from what each agent and call shows, and must agree.
        /// </summary>
        private void CheckCountersAgainstARecount(List<AcdOutput> outputs)
        {
            var snapshot = _acd.Snapshot();
            var agents = snapshot.Agents.ToDictionary(agent => agent.AgentId);
            var counters = _acd.Core.Counters().ToDictionary(counter => counter.QueueId);
            Expect(counters.Keys.Order().SequenceEqual(snapshot.Queues.Select(queue => queue.QueueId).Order()), () => "counters kept for other queues than those configured");

            foreach (var queue in snapshot.Queues)
            {
                var members = queue.Members.Select(member => agents[member.UserId]).ToList();
                var ready = members.Count(agent => agent.Status == AgentStatus.Ready && agent.Reachable);
                var available = members.Count(agent => agent.IsAvailable);
                var live = counters[queue.QueueId];
                Expect(queue.ReadyAgents == ready && live.ReadyAgents == ready, () => $"queue {queue.QueueId} counts {live.ReadyAgents} Ready agents, a recount {ready}");
                Expect(queue.AvailableAgents == available, () => $"queue {queue.QueueId} counts {queue.AvailableAgents} available agents, a recount {available}");
                Expect(live.WaitingCalls == queue.WaitingCalls.Count, () => $"queue {queue.QueueId} counts {live.WaitingCalls} waiting calls, holds {queue.WaitingCalls.Count}");
                Expect(live.EstimatedWaitOfNextCall(_acd.Now) == queue.EstimatedWaitOfNextCall, () => $"queue {queue.QueueId} estimates {live.EstimatedWaitOfNextCall(_acd.Now)}, a recount {queue.EstimatedWaitOfNextCall}");
                Expect(queue.WaitingCalls.Select(call => call.Position).SequenceEqual(Enumerable.Range(1, queue.WaitingCalls.Count)), () => $"queue {queue.QueueId} positions out of order");
            }

            foreach (var entered in outputs.OfType<CallEnteredQueue>())
            {
                var position = snapshot.WaitingCall(entered.CallId)?.Position;
                Expect(position is null || position == entered.Position, () => $"call {entered.CallId} entered at {entered.Position}, stands at {position}");
            }
        }

        private void CheckNoAvailableAgentBesideACallTheyCouldTake(QueueSnapshot queue, Dictionary<Guid, AgentSnapshot> agents)
        {
            foreach (var call in queue.WaitingCalls)
            {
                var kind = _kindOf[call.CallId];
                var available = queue.Members.Where(member => CouldTake(agents[member.UserId], kind)).ToList();
                if (call.OfferedTo.Count == 0)
                {
                    Expect(available.Count == 0, () => $"agent {available.FirstOrDefault()?.UserId} is available beside waiting call {call.CallId}");
                }
                else if (queue.Strategy == QueueStrategy.RingAll)
                {
                    var ringingLevel = queue.Members.Where(member => call.OfferedTo.Contains(member.UserId)).Select(member => (int?)member.Level).Max();
                    if (ringingLevel is { } level)
                        Expect(!available.Any(member => member.Level <= level), () => $"ring-all call {call.CallId} does not ring an available agent");
                }
            }
        }

        /// <summary>Whether the agent could be offered an item of this kind now, from what they show and what they took.</summary>
        private bool CouldTake(AgentSnapshot agent, WorkKind kind)
        {
            if (kind == WorkKind.Call)
                return agent.IsAvailable;
            var work = _workOfAgent.GetValueOrDefault(agent.AgentId) ?? [];
            return agent.Status == AgentStatus.Ready && agent.Reachable && !agent.BusyElsewhere && agent.OfferId is null && agent.PausedUntil is null
                && (work.Count == 0 ? agent.Activity == AgentActivity.Idle : work.All(item => _kindOf[item] == WorkKind.Chat))
                && work.Count < _chatCapacity[agent.AgentId];
        }

        private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

        private Guid AnyAgent() => Pick(_agents);

        /// <summary>Like Assert.True, but the message (which says where the day went wrong) is only built on failure.</summary>
        private void Expect(bool holds, Func<string> what)
        {
            if (!holds)
                Assert.Fail($"seed {_seed}, step {_step}, {_acd.Now:HH:mm:ss.fff}: {what()}");
        }

        /// <summary>Counts offers of one call to several agents at once, to prove ring-all was exercised.</summary>
        private sealed class RingAllOverlap;
    }
}
