using Switchboard.Domain.Acd;

namespace Switchboard.Domain.Tests.Acd;

/// <summary>
/// The queues serve more than calls: a chat waits and is offered like a call, and an agent works on one kind at a
/// time, up to their capacity for it (one call; several chats).
/// </summary>
public class WorkKindTests
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    private readonly AcdHarness _acd = new();

    [Fact]
    public void An_agent_takes_chats_up_to_their_capacity_and_the_next_chat_waits()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);
        _acd.Post(new SetAgentCapacity(Alice, WorkKind.Chat, 2));

        var first = _acd.Chat(queue);
        _acd.Accept(Alice);
        var second = _acd.Chat(queue);
        _acd.Accept(Alice);
        var third = _acd.Chat(queue);

        Assert.Equal([first, second], _acd.All<ConnectCall>().Select(connect => connect.CallId));
        Assert.Empty(_acd.Snapshot().WaitingCall(third)!.OfferedTo);
        Assert.Equal(AgentActivity.OnCall, _acd.Agent(Alice).Activity);

        _acd.Post(new CallEnded(first));

        Assert.Equal(Alice, _acd.RingingAgent(third));
    }

    [Fact]
    public void An_agent_on_chats_is_offered_no_call_and_an_agent_on_a_call_no_chat()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        _acd.Chat(queue);
        _acd.Accept(Alice);
        var call = _acd.Call(queue);
        _acd.Accept(Bob);

        var chat = _acd.Chat(queue);
        var secondCall = _acd.Call(queue);

        // Alice may take a second chat (capacity 3 by default) but no call; Bob, on a call, takes nothing more.
        Assert.Equal(Alice, _acd.RingingAgent(chat));
        Assert.Empty(_acd.Snapshot().WaitingCall(secondCall)!.OfferedTo);

        _acd.Post(new CallEnded(call));
        _acd.Advance(TimeSpan.FromSeconds(new DistributionQueue { Name = "defaults" }.WrapUpSeconds));

        Assert.Equal(Bob, _acd.RingingAgent(secondCall));
    }

    [Fact]
    public void Wrap_up_follows_the_last_chat_not_each_one()
    {
        var queue = _acd.Configure(new DistributionQueue
        {
            Name = "Chats",
            Strategy = QueueStrategy.TopDown,
            WrapUpSeconds = 30,
            Members = [new QueueMember(Alice, 1, 0)],
        });
        _acd.Ready(Alice);
        var first = _acd.Chat(queue);
        _acd.Accept(Alice);
        var second = _acd.Chat(queue);
        _acd.Accept(Alice);

        _acd.Post(new CallEnded(first));
        Assert.Equal((AgentActivity.OnCall, (DateTimeOffset?)null), (_acd.Agent(Alice).Activity, _acd.Agent(Alice).PausedUntil));
        var waiting = _acd.Chat(queue);
        Assert.Equal(Alice, _acd.RingingAgent(waiting));
        _acd.Refuse(Alice);
        _acd.Post(new CallEnded(second));

        Assert.Equal(AgentActivity.WrapUp, _acd.Agent(Alice).Activity);
        Assert.Empty(_acd.Snapshot().WaitingCall(waiting)!.OfferedTo);
        _acd.Advance(30);
        Assert.Equal(Alice, _acd.RingingAgent(waiting));
    }

    [Fact]
    public void An_agent_with_no_capacity_for_a_kind_is_never_offered_it_and_counts_as_ready_still()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        _acd.Post(new SetAgentCapacity(Alice, WorkKind.Chat, 0));

        var chat = _acd.Chat(queue);

        Assert.Equal(Bob, _acd.RingingAgent(chat));
        var call = _acd.Call(queue);
        Assert.Equal(Alice, _acd.RingingAgent(call));
        Assert.Equal(2, _acd.Snapshot().Queue(queue.Id)!.ReadyAgents);
    }

    [Fact]
    public void Calls_and_chats_of_one_queue_are_served_in_one_order()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        var chat = _acd.Chat(queue);
        var call = _acd.Call(queue, priority: 1);

        _acd.Ready(Alice);

        // The call has the higher priority: it rings first although the chat arrived earlier.
        Assert.Equal(Alice, _acd.RingingAgent(call));
        Assert.Empty(_acd.Snapshot().WaitingCall(chat)!.OfferedTo);
    }
}
