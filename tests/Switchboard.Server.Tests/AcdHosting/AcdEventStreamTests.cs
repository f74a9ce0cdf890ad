using Switchboard.Domain.Acd;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Events;

namespace Switchboard.Server.Tests.AcdHosting;

public class AcdEventStreamTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Slow_listener_loses_its_oldest_events_and_keeps_the_latest()
    {
        var stream = new AcdEventStream();
        using var subscription = stream.Subscribe(agentId: null);
        var agentId = Guid.NewGuid();

        for (var second = 0; second <= AcdEventSubscription.Capacity; second++)
            stream.Publish(new AgentActivityChanged(Start.AddSeconds(second), agentId, AgentActivity.Idle));

        var kept = Drain(subscription);
        Assert.Equal(AcdEventSubscription.Capacity, kept.Count);
        Assert.Equal(Start.AddSeconds(1), kept[0].At);
        Assert.Equal(Start.AddSeconds(AcdEventSubscription.Capacity), kept[^1].At);
    }

    [Fact]
    public void Agent_listener_gets_only_that_agents_events_and_supervision_gets_all()
    {
        var stream = new AcdEventStream();
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();
        using var alicesWorkspace = stream.Subscribe(alice);
        using var supervision = stream.Subscribe(agentId: null);

        stream.Publish(new AgentStatusChanged(Start, bob, AgentStatus.Ready, StatusChangeReason.Chosen));
        stream.Publish(new CallEnteredQueue(Start, Guid.NewGuid(), Guid.NewGuid(), 0, 1));
        stream.Publish(new AgentStatusChanged(Start, alice, AgentStatus.BackSoon, StatusChangeReason.Chosen));

        var alices = Assert.Single(Drain(alicesWorkspace));
        Assert.Equal((alice, AgentStatus.BackSoon), (((AgentStatusChangedMessage)alices).AgentId, ((AgentStatusChangedMessage)alices).Status));
        Assert.Equal(
            [typeof(AgentStatusChangedMessage), typeof(CallEnteredQueueMessage), typeof(AgentStatusChangedMessage)],
            Drain(supervision).Select(m => m.GetType()));
    }

    [Fact]
    public void Ended_subscription_gets_nothing_more()
    {
        var stream = new AcdEventStream();
        var subscription = stream.Subscribe(agentId: null);

        subscription.Dispose();
        stream.Publish(new AgentReachabilityChanged(Start, Guid.NewGuid(), Reachable: true));

        Assert.Empty(Drain(subscription));
        Assert.True(subscription.Reader.Completion.IsCompleted);
    }

    private static List<EventMessage> Drain(AcdEventSubscription subscription)
    {
        var messages = new List<EventMessage>();
        while (subscription.Reader.TryRead(out var message))
            messages.Add(message);
        return messages;
    }
}
