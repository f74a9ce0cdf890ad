using System.Collections.Concurrent;
using Switchboard.Domain.Acd;
using Switchboard.Server.AcdHosting;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.AcdHosting;

/// <summary>
/// What the ACD learns of an agent's connections: reachable with the first, unreachable once the last has been gone
/// for the grace period, and nothing at all when a page reloads or the network blips within it.
/// </summary>
public sealed class AgentPresenceTests : IAsyncLifetime, IAcdCommandSink, IAcdEventSink
{
    private static readonly Guid Agent = Guid.Parse("0199a0a0-0000-7000-8000-00000000a11c");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<bool> _reachability = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly AcdDispatcher _dispatcher;
    private readonly AgentPresence _presence;
    private Task _running = Task.CompletedTask;

    public AgentPresenceTests()
    {
        _dispatcher = new AcdDispatcher(new AcdCore(new AcdOptions(), new Random(1)), _time, this, this);
        _presence = new AgentPresence(_dispatcher, _time);
    }

    public Task InitializeAsync()
    {
        _running = _dispatcher.RunAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _dispatcher.Complete();
        await _running;
        _stop.Dispose();
    }

    void IAcdCommandSink.Send(AcdCommand command)
    {
    }

    void IAcdEventSink.Publish(AcdEvent acdEvent)
    {
        if (acdEvent is AgentReachabilityChanged changed)
            _reachability.Enqueue(changed.Reachable);
    }

    [Fact]
    public async Task A_page_that_reloads_within_the_grace_never_makes_the_agent_unreachable()
    {
        var first = _presence.Connect(Agent);
        first.Dispose();
        _time.Advance(AgentPresence.Grace / 2);
        using var reloaded = _presence.Connect(Agent);
        _time.Advance(AgentPresence.Grace * 2);

        var reachability = await ReachabilityAsync();

        Assert.Equal([true], reachability);
        Assert.Equal(1, _presence.ConnectionsOf(Agent));
    }

    [Fact]
    public async Task The_last_connection_gone_for_the_grace_makes_the_agent_unreachable_and_a_new_one_reachable_again()
    {
        _presence.Connect(Agent).Dispose();
        _time.Advance(AgentPresence.Grace - TimeSpan.FromMilliseconds(1));
        var stillReachable = await ReachabilityAsync();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var gone = await ReachabilityAsync();
        using var back = _presence.Connect(Agent);
        var again = await ReachabilityAsync();

        Assert.Equal([true], stillReachable);
        Assert.Equal([true, false], gone);
        Assert.Equal([true, false, true], again);
    }

    [Fact]
    public async Task A_second_connection_keeps_the_agent_reachable_when_the_first_goes()
    {
        using var page = _presence.Connect(Agent);
        _presence.Connect(Agent).Dispose();
        _time.Advance(AgentPresence.Grace * 2);
        var reachability = await ReachabilityAsync();

        Assert.Equal([true], reachability);
    }

    /// <summary>The reachability changes the ACD has decided so far (a snapshot waits until all posted inputs are).</summary>
    private async Task<bool[]> ReachabilityAsync()
    {
        await _dispatcher.GetSnapshotAsync(CancellationToken.None);
        return [.. _reachability];
    }
}
