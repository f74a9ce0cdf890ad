using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.AcdHosting;

public abstract class QueueEventLogWriterTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Answered_call_and_status_change_are_written_to_the_queue_event_log()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var queueId = await CreateQueueAsync(admin, "Support", agentId);
        using var workspace = await ReadyAsync(agent, agentId);
        var callId = Guid.NewGuid();
        var waiting = WaitInQueueAsync(callId, queueId);
        var offer = await NextCommandAsync<OfferCall>(callId);
        Dispatcher.Post(new AgentAcceptedOffer(offer.OfferId));
        await waiting;

        await Dispatcher.GetSnapshotAsync(Ct);
        await EventLog.FlushAsync(Ct);

        var events = await Factory.WithServicesAsync(services =>
            services.GetRequiredService<SwitchboardDbContext>().QueueEvents.AsNoTracking().ToListAsync(Ct));
        var ofCall = events.Where(e => e.CallId == callId).ToList();
        Assert.Equal(["callEnteredQueue", "callOffered", "offerAnswered"], ofCall.Select(e => e.Kind).Order(StringComparer.Ordinal));
        Assert.All(ofCall, e => Assert.Equal(queueId, e.QueueId));
        var answered = ofCall.Single(e => e.Kind == "offerAnswered");
        Assert.Equal((agentId, offer.OfferId.Value), (answered.AgentId, answered.OfferId));
        using (var detail = JsonDocument.Parse(answered.Detail))
            Assert.Equal("answered", detail.RootElement.GetProperty("outcome").GetString());

        var ready = Assert.Single(events, e => e.Kind == "agentStatusChanged");
        Assert.Equal((agentId, (Guid?)null), (ready.AgentId, ready.QueueId));
        using (var detail = JsonDocument.Parse(ready.Detail))
            Assert.Equal("ready", detail.RootElement.GetProperty("status").GetString());
        Assert.Contains(events, e => e.Kind == "agentReachabilityChanged" && e.AgentId == agentId);
        Assert.Equal(0, EventLog.Dropped);
    }

    [Fact]
    public async Task Events_taken_before_the_server_stops_are_written_when_it_stops()
    {
        using (var agent = await ClientAsync(Actor.Agent))
            await SetStatusAsync(agent, await IdOfAsync(agent), "backSoon");

        await RestartAsync();

        var events = await Factory.WithServicesAsync(services =>
            services.GetRequiredService<SwitchboardDbContext>().QueueEvents.AsNoTracking().ToListAsync(Ct));
        var changed = Assert.Single(events, e => e.Kind == "agentStatusChanged");
        using var detail = JsonDocument.Parse(changed.Detail);
        Assert.Equal("backSoon", detail.RootElement.GetProperty("status").GetString());
    }
}

public sealed class QueueEventLogWriterTests_on_sqlite() : QueueEventLogWriterTests(StorageKind.Sqlite);

public sealed class QueueEventLogWriterTests_on_postgres() : QueueEventLogWriterTests(StorageKind.Postgres);
