using Switchboard.Domain.Acd;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.AcdHosting;

/// <summary>The estimated wait a supervisor reads in the live queue view, with the server's time moved by the test.</summary>
public abstract class LiveQueueEstimateTests(StorageKind storage) : AcdTest(storage)
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Time => _time;

    [Fact]
    public async Task Live_view_estimates_a_call_waiting_behind_an_agent_on_a_long_call_to_wait_for_the_rest_of_that_call()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var queueId = await CreateQueueAsync(admin, "Support", agentId);
        using var workspace = await ReadyAsync(agent, agentId);

        // The queue's first calls were answered after 3 s and took 40 s of talk and 10 s of wrap-up.
        var first = Guid.NewGuid();
        await AnswerAfterAsync(first, queueId, TimeSpan.FromSeconds(3));
        await AdvanceAsync(TimeSpan.FromSeconds(40));
        Dispatcher.Post(new CallEnded(first));
        await AdvanceAsync(TimeSpan.FromSeconds(10));
        await AnswerAfterAsync(Guid.NewGuid(), queueId, TimeSpan.FromSeconds(3));
        await AdvanceAsync(TimeSpan.FromSeconds(57));

        var waiting = Guid.NewGuid();
        _ = WaitInQueueAsync(waiting, queueId);
        await AdvanceAsync(TimeSpan.FromSeconds(7));

        // The agent's call (60 s so far) outlasts every recent one: a usual handle time (50 s) more is expected.
        var call = Assert.Single((await LiveAsync(admin, queueId)).WaitingCalls);
        Assert.Equal((waiting, 7L, (long?)57), (call.CallId, call.WaitedSeconds, call.EstimatedWaitSeconds));
    }

    private async Task AnswerAfterAsync(Guid callId, Guid queueId, TimeSpan wait)
    {
        var stay = WaitInQueueAsync(callId, queueId);
        var offer = await NextCommandAsync<OfferCall>(callId);
        await AdvanceAsync(wait);
        Dispatcher.Post(new AgentAcceptedOffer(offer.OfferId));
        await stay;
    }

    /// <summary>Moves the server's time once the ACD has decided everything posted so far, and waits for what fell due.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        await Dispatcher.GetSnapshotAsync(Ct);
        _time.Advance(by);
        await Dispatcher.GetSnapshotAsync(Ct);
    }
}

public sealed class LiveQueueEstimateTests_on_sqlite() : LiveQueueEstimateTests(StorageKind.Sqlite);

public sealed class LiveQueueEstimateTests_on_postgres() : LiveQueueEstimateTests(StorageKind.Postgres);
