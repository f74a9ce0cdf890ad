using Switchboard.Domain.Acd;

namespace Switchboard.Domain.Tests.Acd;

/// <summary>Who gets the call, by strategy, level and position — observed through the ACD's offers.</summary>
public class AgentPickerTests
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Carol = Guid.NewGuid();

    private readonly AcdHarness _acd = new(new AcdOptions { RejectDelay = TimeSpan.Zero });

    private DistributionQueue Queue(QueueStrategy strategy, params QueueMember[] members) =>
        _acd.Configure(new DistributionQueue { Name = "Sales", Strategy = strategy, WrapUpSeconds = 0, Members = [.. members] });

    private static QueueMember[] InOrder(params Guid[] agents) => [.. agents.Select((agent, index) => new QueueMember(agent, 1, index))];

    private Guid ServeOne(DistributionQueue queue, int talkSeconds = 10) => ServeOne(_acd, queue, talkSeconds);

    /// <summary>A call arrives; the agent it rings takes it and talks for <paramref name="talkSeconds"/>.</summary>
    private static Guid ServeOne(AcdHarness acd, DistributionQueue queue, int talkSeconds = 10)
    {
        var call = acd.Call(queue);
        var agent = acd.RingingAgent(call);
        acd.TakeCall(agent, TimeSpan.FromSeconds(talkSeconds));
        return agent;
    }

    [Fact]
    public void Longest_idle_offers_the_agent_idle_longest_since_their_last_call_or_becoming_ready()
    {
        var queue = Queue(QueueStrategy.LongestIdle, InOrder(Alice, Bob, Carol));
        _acd.Ready(Carol);
        _acd.Advance(1);
        _acd.Ready(Alice);
        _acd.Advance(1);
        _acd.Ready(Bob);

        Assert.Equal([Carol, Alice, Bob, Carol], Enumerable.Range(0, 4).Select(_ => ServeOne(queue)));
    }

    [Fact]
    public void Round_robin_continues_after_the_last_agent_offered()
    {
        var queue = Queue(QueueStrategy.RoundRobin, InOrder(Alice, Bob, Carol));
        _acd.Ready(Alice, Bob, Carol);

        Assert.Equal([Alice, Bob, Carol, Alice, Bob], Enumerable.Range(0, 5).Select(_ => ServeOne(queue)));
    }

    [Fact]
    public void Round_robin_skips_an_agent_who_is_away_and_goes_on_after_the_one_offered()
    {
        var queue = Queue(QueueStrategy.RoundRobin, InOrder(Alice, Bob, Carol));
        _acd.Ready(Alice, Bob, Carol);
        Assert.Equal(Alice, ServeOne(queue));
        _acd.Post(new SetAgentStatus(Bob, AgentStatus.BackSoon));

        Assert.Equal(Carol, ServeOne(queue));
        _acd.Post(new SetAgentStatus(Bob, AgentStatus.Ready));
        Assert.Equal(Alice, ServeOne(queue));
    }

    [Fact]
    public void Fewest_calls_offers_the_agent_who_answered_the_fewest_today()
    {
        var queue = Queue(QueueStrategy.FewestCalls, InOrder(Alice, Bob));
        _acd.Ready(Alice);
        ServeOne(queue);
        ServeOne(queue);
        _acd.Ready(Bob);
        Assert.Equal(Bob, ServeOne(queue));
        Assert.Equal(Bob, ServeOne(queue));

        Assert.Equal(2, _acd.Agent(Bob).AnsweredToday);
        Assert.Equal(Alice, ServeOne(queue));
    }

    [Fact]
    public void Fewest_calls_starts_afresh_each_day()
    {
        var queue = Queue(QueueStrategy.FewestCalls, InOrder(Alice, Bob));
        _acd.Ready(Bob);
        ServeOne(queue);
        ServeOne(queue);
        _acd.Advance(10);
        _acd.Ready(Alice);
        _acd.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, _acd.Agent(Bob).AnsweredToday);
        // Yesterday's calls no longer count, so the tie goes to the agent idle longer.
        Assert.Equal(Bob, ServeOne(queue));
    }

    [Fact]
    public void Least_talk_time_offers_the_agent_who_talked_the_least_today()
    {
        var queue = Queue(QueueStrategy.LeastTalkTime, InOrder(Alice, Bob));
        _acd.Ready(Alice);
        ServeOne(queue, talkSeconds: 300);
        _acd.Ready(Bob);
        ServeOne(queue, talkSeconds: 100);
        Assert.Equal(Bob, ServeOne(queue, talkSeconds: 100));

        Assert.Equal(TimeSpan.FromSeconds(200), _acd.Agent(Bob).TalkTimeToday);
        Assert.Equal(Bob, ServeOne(queue, talkSeconds: 150));
        Assert.Equal(Alice, ServeOne(queue));
    }

    [Fact]
    public void Top_down_always_starts_from_the_first_position()
    {
        var queue = Queue(QueueStrategy.TopDown, new QueueMember(Carol, 1, 2), new QueueMember(Alice, 1, 0), new QueueMember(Bob, 1, 1));
        _acd.Ready(Carol, Bob, Alice);

        Assert.Equal([Alice, Alice, Alice], Enumerable.Range(0, 3).Select(_ => ServeOne(queue)));
        _acd.Post(new SetAgentStatus(Alice, AgentStatus.NotAvailable));
        Assert.Equal(Bob, ServeOne(queue));
    }

    [Fact]
    public void Random_spreads_calls_as_the_injected_generator_draws()
    {
        static List<Guid> Choices(int seed)
        {
            var acd = new AcdHarness(seed: seed);
            var queue = acd.Configure(new DistributionQueue { Name = "Sales", Strategy = QueueStrategy.Random, WrapUpSeconds = 0, Members = [.. InOrder(Alice, Bob, Carol)] });
            acd.Ready(Alice, Bob, Carol);
            return [.. Enumerable.Range(0, 30).Select(_ => ServeOne(acd, queue))];
        }

        var chosen = Choices(seed: 1);

        Assert.Equal(new[] { Alice, Bob, Carol }.Order(), chosen.Distinct().Order());
        Assert.Equal(chosen, Choices(seed: 1));
        Assert.NotEqual(chosen, Choices(seed: 2));
    }

    [Fact]
    public void Lowest_level_with_an_available_agent_is_used_first()
    {
        var queue = Queue(QueueStrategy.LongestIdle, new QueueMember(Alice, 1, 0), new QueueMember(Bob, 2, 0));
        _acd.Ready(Bob);
        _acd.Advance(60);
        _acd.Ready(Alice);

        Assert.Equal(Alice, ServeOne(queue));
        var call = _acd.Call(queue);
        var second = _acd.Call(queue);
        Assert.Equal(Alice, _acd.RingingAgent(call));
        Assert.Equal(Bob, _acd.RingingAgent(second));
    }

    [Fact]
    public void Position_orders_agents_within_a_level_for_ordered_strategies()
    {
        var queue = Queue(
            QueueStrategy.RoundRobin,
            new QueueMember(Alice, 2, 0), new QueueMember(Bob, 1, 5), new QueueMember(Carol, 1, 3));
        _acd.Ready(Alice, Bob, Carol);

        Assert.Equal([Carol, Bob, Carol], Enumerable.Range(0, 3).Select(_ => ServeOne(queue)));
    }

    [Fact]
    public void Ring_all_rings_only_the_lowest_level_with_an_available_agent()
    {
        var queue = Queue(QueueStrategy.RingAll, new QueueMember(Alice, 1, 0), new QueueMember(Bob, 1, 1), new QueueMember(Carol, 2, 0));
        _acd.Ready(Alice, Bob, Carol);

        var call = _acd.Call(queue);

        Assert.Equal([Alice, Bob], _acd.Snapshot().WaitingCall(call)!.OfferedTo);
    }
}
