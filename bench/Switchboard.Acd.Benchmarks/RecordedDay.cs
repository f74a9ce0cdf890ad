using Switchboard.Domain.Acd;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// A busy day at a large contact center, recorded once as the ACD's inputs with their times and the moments time
/// passes, so that it can be replayed exactly: the core is deterministic for a given seed, so a fresh dispatcher fed
/// the same inputs at the same times, its timers falling due at the same moments, takes the same decisions (same offer
/// ids), and every answer in the recording finds its offer.
/// </summary>
/// <remarks>
/// 100 queues of mixed strategies and priorities; 2,000 agents, each a member of 3 to 5 queues at random levels.
/// Calls arrive at random queues (some with a higher priority), agents accept most offers, refuse or miss some,
/// talk and hang up, callers hang up while waiting, agents change status and drop off, and time passes so that the
/// dispatcher's own timers (ring timeouts, wrap-ups, pauses and maximum waits) fall due.
/// </remarks>
internal sealed class RecordedDay
{
    public const int Seed = 11;
    public const int QueueCount = 100;
    public const int AgentCount = 2_000;

    private static readonly QueueStrategy[] Strategies =
    [
        QueueStrategy.LongestIdle, QueueStrategy.LongestIdle, QueueStrategy.LongestIdle, QueueStrategy.RoundRobin,
        QueueStrategy.FewestCalls, QueueStrategy.LeastTalkTime, QueueStrategy.TopDown, QueueStrategy.Random,
    ];

    private RecordedDay(AcdInput?[] inputs, DateTimeOffset[] times, int measuredFrom, long measuredDecisions, long measuredChecksum)
    {
        Inputs = inputs;
        Times = times;
        MeasuredFrom = measuredFrom;
        MeasuredDecisions = measuredDecisions;
        MeasuredChecksum = measuredChecksum;
    }

    public static DateTimeOffset Start { get; } = new(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The day's steps: an input posted at its time, or (null) time passing until its time.</summary>
    public AcdInput?[] Inputs { get; }

    public DateTimeOffset[] Times { get; }

    /// <summary>Steps before this configure the queues, bring agents in and fill the day (the warm-up, not measured).</summary>
    public int MeasuredFrom { get; }

    /// <summary>Decisions taken by the measured steps: inputs posted and timers that fell due.</summary>
    public long MeasuredDecisions { get; }

    /// <summary>What the sinks read of the measured steps' decisions when recorded: a replay must read the same.</summary>
    public long MeasuredChecksum { get; }

    /// <summary>Records a day of at least <paramref name="warmUp"/> decisions followed by at least <paramref name="measured"/> more.</summary>
    public static RecordedDay Record(int warmUp, int measured)
    {
        var driver = new Driver();
        driver.Open();
        while (driver.Run.Dispatcher.Decisions < warmUp)
            driver.Step();
        var measuredFrom = driver.Inputs.Count;
        var decisionsBefore = driver.Run.Dispatcher.Decisions;
        var checksumBefore = driver.Checksum;
        while (driver.Run.Dispatcher.Decisions - decisionsBefore < measured)
            driver.Step();
        return new RecordedDay(
            [.. driver.Inputs], [.. driver.Times], measuredFrom, driver.Run.Dispatcher.Decisions - decisionsBefore, driver.Checksum - checksumBefore);
    }

    /// <summary>A fresh dispatcher that has taken the steps before the measured ones.</summary>
    public DayRun WarmRun(bool keepRecords)
    {
        var run = new DayRun(new CountingSinks(keepRecords));
        for (var index = 0; index < MeasuredFrom; index++)
            run.Step(Inputs[index], Times[index]);
        return run;
    }

    /// <summary>Plays the day against the ACD's dispatcher, reacting to its decisions as telephony and agents would.</summary>
    private sealed class Driver : IAcdCommandSink, IAcdEventSink
    {
        private readonly Random _random = new(Seed);
        private readonly Guid[] _queues = [.. Enumerable.Range(0, QueueCount).Select(_ => Guid.NewGuid())];
        private readonly Guid[] _agents = [.. Enumerable.Range(0, AgentCount).Select(_ => Guid.NewGuid())];
        private readonly PickList<OfferId> _offers = new();
        private readonly PickList<Guid> _waiting = new();
        private readonly PickList<Guid> _talking = new();
        private readonly CountingSinks _reader = new(keepRecords: false);
        private DateTimeOffset _now = Start;

        public Driver() => Run = new DayRun(this);

        public DayRun Run { get; }

        public List<AcdInput?> Inputs { get; } = [];

        public List<DateTimeOffset> Times { get; } = [];

        public long Checksum => _reader.Checksum;

        public void Open()
        {
            var members = _queues.ToDictionary(queue => queue, _ => new List<QueueMember>());
            foreach (var agent in _agents)
            {
                foreach (var queue in _queues.OrderBy(_ => _random.Next()).Take(_random.Next(3, 6)))
                    members[queue].Add(new QueueMember(agent, _random.Next(1, 3), members[queue].Count));
            }

            for (var index = 0; index < _queues.Length; index++)
            {
                Post(new QueueConfigured(new DistributionQueue
                {
                    Id = _queues[index],
                    Name = $"Queue {index}",
                    Strategy = Strategies[index % Strategies.Length],
                    Priority = index % 10 == 0 ? 1 : 0,
                    RingTimeoutSeconds = 15,
                    MaxWaitSeconds = 180,
                    MaxWaitingCalls = 40,
                    WrapUpSeconds = 5,
                    MaxNoAnswer = 3,
                    Members = members[_queues[index]],
                }));
            }

            foreach (var agent in _agents)
            {
                Post(new SetAgentReachable(agent, true));
                Post(new SetAgentStatus(agent, AgentStatus.Ready));
            }
        }

        public void Step()
        {
            var roll = _random.Next(100);
            switch (roll)
            {
                case < 30:
                    Post(new CallArrived(Guid.NewGuid(), _queues[_random.Next(_queues.Length)], _random.Next(10) == 0 ? 1 : 0));
                    break;
                case < 55 when _offers.Count > 0:
                    var offer = _offers.Pick(_random);
                    Post(_random.Next(20) switch
                    {
                        < 17 => new AgentAcceptedOffer(offer),
                        < 19 => new AgentRefusedOffer(offer),
                        _ => new OfferFailed(offer),
                    });
                    break;
                case < 80 when _talking.Count > 0:
                    var call = _talking.Pick(_random);
                    _talking.Remove(call);
                    Post(new CallEnded(call));
                    break;
                case < 84 when _waiting.Count > 0:
                    Post(new CallEnded(_waiting.Pick(_random)));
                    break;
                case < 88:
                    var agent = _agents[_random.Next(_agents.Length)];
                    Post(_random.Next(10) switch
                    {
                        < 6 => new SetAgentStatus(agent, AgentStatus.Ready),
                        < 8 => new SetAgentStatus(agent, AgentStatus.BackSoon),
                        < 9 => new SetAgentBusyElsewhere(agent, _random.Next(2) == 0),
                        _ => new SetAgentReachable(agent, _random.Next(4) > 0),
                    });
                    break;
                default:
                    // Time passes: the dispatcher's timers that fall due meanwhile are decided as they come.
                    _now += TimeSpan.FromMilliseconds(_random.Next(0, 400));
                    Record(null);
                    break;
            }
        }

        public void Send(AcdCommand command) => throw new InvalidOperationException("The dispatcher hands commands over as values.");

        public void Publish(AcdEvent acdEvent) => throw new InvalidOperationException("The dispatcher hands events over as values.");

        public void Send(in AcdDecision command)
        {
            _reader.Send(in command);
            switch (command.Kind)
            {
                case AcdDecisionKind.OfferCall:
                    _offers.Add(command.OfferId);
                    break;
                case AcdDecisionKind.CancelOffer:
                    _offers.Remove(command.OfferId);
                    break;
            }
        }

        public void Publish(in AcdDecision acdEvent)
        {
            _reader.Publish(in acdEvent);
            switch (acdEvent.Kind)
            {
                case AcdDecisionKind.CallEnteredQueue:
                    _waiting.Add(acdEvent.CallId);
                    break;
                case AcdDecisionKind.OfferAnswered:
                    _offers.Remove(acdEvent.OfferId);
                    _waiting.Remove(acdEvent.CallId);
                    _talking.Add(acdEvent.CallId);
                    break;
                case AcdDecisionKind.OfferRefused or AcdDecisionKind.OfferNotAnswered:
                    _offers.Remove(acdEvent.OfferId);
                    break;
            }

            if (acdEvent.StayOutcome is not null)
                _waiting.Remove(acdEvent.CallId);
        }

        private void Post(AcdInput input) => Record(input);

        private void Record(AcdInput? input)
        {
            Inputs.Add(input);
            Times.Add(_now);
            Run.Step(input, _now);
        }
    }
}
