using Switchboard.Domain.Acd;

namespace Switchboard.Domain.Tests.Acd;

/// <summary>
/// Drives an <see cref="AcdCore"/> the way the dispatcher does, with a clock the test moves: the timers the core
/// asks for are handed back as inputs when <see cref="Advance"/> reaches them.
/// </summary>
internal sealed class AcdHarness
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly List<(DateTimeOffset DueAt, long Sequence, AcdTimerInput Input)> _timers = [];
    private long _lastSequence;

    public AcdHarness(AcdOptions? options = null, int seed = 1) =>
        Core = new AcdCore(options ?? new AcdOptions(), new Random(seed));

    public AcdCore Core { get; }

    public DateTimeOffset Now { get; private set; } = Start;

    /// <summary>Everything the core decided so far, in order.</summary>
    public List<AcdOutput> Outputs { get; } = [];

    public int PendingTimers => _timers.Count;

    public IReadOnlyList<AcdOutput> Post(AcdInput input)
    {
        // The core reuses its buffer for the next input: keep the records.
        var outputs = new List<AcdOutput>();
        foreach (var decision in Core.Handle(input, Now))
            outputs.Add(decision.ToOutput());
        Outputs.AddRange(outputs);
        foreach (var schedule in outputs.OfType<ScheduleTimer>())
            _timers.Add((schedule.DueAt, ++_lastSequence, schedule.Input));
        return outputs;
    }

    /// <summary>Moves the clock on, handing the core every timer that falls due, in due order.</summary>
    public List<AcdOutput> Advance(TimeSpan by)
    {
        var target = Now + by;
        var outputs = new List<AcdOutput>();
        while (_timers.Count > 0)
        {
            var next = _timers.MinBy(timer => (timer.DueAt, timer.Sequence));
            if (next.DueAt > target)
                break;
            _timers.Remove(next);
            Now = next.DueAt > Now ? next.DueAt : Now;
            outputs.AddRange(Post(next.Input));
        }

        Now = target;
        return outputs;
    }

    public List<AcdOutput> Advance(int seconds) => Advance(TimeSpan.FromSeconds(seconds));

    public AcdSnapshot Snapshot() => Core.Snapshot(Now);

    public AgentSnapshot Agent(Guid agentId) => Snapshot().Agent(agentId) ?? throw new InvalidOperationException("Unknown agent");

    public IEnumerable<T> All<T>() => Outputs.OfType<T>();

    /// <summary>Configures a queue whose members are the given agents, at level 1, in the given order.</summary>
    public DistributionQueue Queue(QueueStrategy strategy, params Guid[] agents) =>
        Configure(new DistributionQueue
        {
            Name = $"{strategy} queue",
            Strategy = strategy,
            Members = [.. agents.Select((agent, index) => new QueueMember(agent, 1, index))],
        });

    public DistributionQueue Configure(DistributionQueue queue)
    {
        Post(new QueueConfigured(queue));
        return queue;
    }

    /// <summary>The agents open their workspace and choose Ready.</summary>
    public void Ready(params Guid[] agents)
    {
        foreach (var agent in agents)
        {
            Post(new SetAgentReachable(agent, true));
            Post(new SetAgentStatus(agent, AgentStatus.Ready));
        }
    }

    public Guid Call(DistributionQueue queue, int priority = 0, int? maxWaitSeconds = null)
    {
        var callId = Guid.NewGuid();
        Post(new CallArrived(callId, queue.Id, priority, maxWaitSeconds));
        return callId;
    }

    /// <summary>A chat joins the queue: the second kind of work, through the same door as calls.</summary>
    public Guid Chat(DistributionQueue queue)
    {
        var chatId = Guid.NewGuid();
        Post(new CallArrived(chatId, queue.Id, Kind: WorkKind.Chat));
        return chatId;
    }

    /// <summary>The offer ringing on the agent's device; fails the test if none rings.</summary>
    public OfferId OfferOf(Guid agentId) =>
        Agent(agentId).OfferId ?? throw new InvalidOperationException("No offer rings for this agent");

    /// <summary>The agent the call rings at now (the single one: not for ring-all).</summary>
    public Guid RingingAgent(Guid callId) =>
        Assert.Single(Snapshot().WaitingCall(callId)?.OfferedTo ?? []);

    public void Accept(Guid agentId) => Post(new AgentAcceptedOffer(OfferOf(agentId)));

    public void Refuse(Guid agentId) => Post(new AgentRefusedOffer(OfferOf(agentId)));

    /// <summary>The agent takes the call ringing for them, talks, and hangs up (wrap-up then follows).</summary>
    public void TakeCall(Guid agentId, TimeSpan talk)
    {
        var callId = Agent(agentId).CallId ?? throw new InvalidOperationException("Nothing rings for this agent");
        Accept(agentId);
        Advance(talk);
        Post(new CallEnded(callId));
    }
}
