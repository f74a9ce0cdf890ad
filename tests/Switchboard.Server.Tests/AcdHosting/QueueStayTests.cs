using System.Net;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.AcdHosting;

/// <summary>
/// A call's stay in a queue as the ACD host runs it, with the test in telephony's place (<see cref="UnclaimedAcdCommands"/>):
/// each stay ends with the one command the ACD sends the call.
/// </summary>
public abstract class QueueStayTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Call_for_a_ready_reachable_member_is_offered_shown_waiting_and_answered_when_accepted()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var supervisor = await ClientAsync(Actor.Supervisor);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var queueId = await CreateQueueAsync(admin, "Support", agentId);
        using var workspace = await ReadyAsync(agent, agentId);
        var callId = Guid.NewGuid();

        var waiting = WaitInQueueAsync(callId, queueId);
        var offer = await NextCommandAsync<OfferCall>(callId);

        Assert.Equal(agentId, offer.AgentId);
        var live = await LiveAsync(supervisor, queueId);
        var call = Assert.Single(live.WaitingCalls);
        Assert.Equal((callId, 1), (call.CallId, call.Position));
        Assert.Equal([agentId], call.OfferedTo);
        Assert.Equal(AgentActivity.Offered, Assert.Single(live.Agents).Activity);
        Assert.False(waiting.IsCompleted);

        Dispatcher.Post(new AgentAcceptedOffer(offer.OfferId));

        var answered = Assert.IsType<AnsweredInQueue>(await waiting);
        Assert.Equal(agentId, answered.AgentId);
        Assert.Equal(offer.OfferId, (await NextCommandAsync<ConnectCall>(callId)).OfferId);
        var after = await LiveAsync(supervisor, queueId);
        Assert.Empty(after.WaitingCalls);
        Assert.Equal(AgentActivity.OnCall, Assert.Single(after.Agents).Activity);
    }

    [Fact]
    public async Task Call_nobody_answers_leaves_unanswered_as_timed_out_after_its_maximum_wait()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var queueId = await CreateQueueAsync(admin, "Night line");

        var result = await WaitInQueueAsync(Guid.NewGuid(), queueId, maxWaitSeconds: 1);

        var left = Assert.IsType<LeftQueueUnanswered>(result);
        Assert.Equal(QueueLeaveReason.TimedOut, left.Reason);
    }

    [Fact]
    public async Task Caller_hanging_up_ends_the_wait_and_takes_the_call_out_of_the_queue()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var supervisor = await ClientAsync(Actor.Supervisor);
        var queueId = await CreateQueueAsync(admin, "Sales");
        using var hangup = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var callId = Guid.NewGuid();
        var waiting = WaitInQueueAsync(callId, queueId, callerHangup: hangup.Token);
        Assert.Equal(callId, Assert.Single((await LiveAsync(supervisor, queueId)).WaitingCalls).CallId);

        await hangup.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Empty((await LiveAsync(supervisor, queueId)).WaitingCalls);
    }

    [Fact]
    public async Task Call_for_a_queue_that_does_not_exist_is_refused_as_unknown_queue()
    {
        var result = await WaitInQueueAsync(Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(QueueLeaveReason.UnknownQueue, Assert.IsType<LeftQueueUnanswered>(result).Reason);
    }

    [Fact]
    public async Task Call_waiting_in_a_queue_that_is_deleted_falls_through_as_queue_removed()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var queueId = await CreateQueueAsync(admin, "Temporary");
        var callId = Guid.NewGuid();
        var waiting = WaitInQueueAsync(callId, queueId);
        Assert.Equal(queueId, (await Dispatcher.GetSnapshotAsync(Ct)).WaitingCall(callId)?.QueueId);

        using var deleted = await admin.DeleteAsync($"/api/v1/queues/{queueId}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(QueueLeaveReason.QueueRemoved, Assert.IsType<LeftQueueUnanswered>(await waiting).Reason);
        Assert.Equal(CallOutcome.QueueRemoved, (await NextCommandAsync<LeaveQueue>(callId)).Outcome);
    }
}

public sealed class QueueStayTests_on_sqlite() : QueueStayTests(StorageKind.Sqlite);

public sealed class QueueStayTests_on_postgres() : QueueStayTests(StorageKind.Postgres);
