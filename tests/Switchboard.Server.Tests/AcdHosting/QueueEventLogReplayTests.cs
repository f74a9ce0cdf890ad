using System.Net;
using System.Net.Http.Json;
using Switchboard.Domain.Acd;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.AcdHosting;

/// <summary>The queue event log read back over HTTP replays the ACD's events in the order they happened.</summary>
public abstract class QueueEventLogReplayTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Queue_event_log_read_over_http_replays_a_call_in_the_order_it_happened_across_a_restart()
    {
        Factory.OnLoopback();
        var (queueId, first) = await AnsweredCallAsync();
        await RestartAsync();
        Factory.OnLoopback();
        var second = await AnswerAnotherCallAsync(queueId);

        using var supervisor = await ClientAsync(Actor.Supervisor);
        var page1 = await ReadAsync(supervisor, $"/api/v1/queue-events?queueId={queueId}&limit=4");
        var page2 = await ReadAsync(supervisor, $"/api/v1/queue-events?queueId={queueId}&after={page1[^1].Sequence}");
        var log = page1.Concat(page2).ToList();

        string[] answered = ["callEnteredQueue", "callOffered", "offerAnswered"];
        Assert.Equal(answered, log.Where(e => e.CallId == first).Select(e => e.Type).Take(3));
        Assert.Equal(answered, log.Where(e => e.CallId == second).Select(e => e.Type).Take(3));
        Assert.True(
            log.Zip(log.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence),
            $"Sequences are not increasing: {string.Join(", ", log.Select(e => e.Sequence))}");
        Assert.True(
            log.FindLastIndex(e => e.CallId == first) < log.FindIndex(e => e.CallId == second),
            "The call after the restart is replayed before the call before it.");
    }

    [Fact]
    public async Task Only_supervisors_read_the_queue_event_log()
    {
        Factory.OnLoopback();
        using var agent = await ClientAsync(Actor.Agent);
        using var response = await agent.GetAsync("/api/v1/queue-events", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(Guid QueueId, Guid CallId)> AnsweredCallAsync()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateQueueAsync(admin, "Support", await IdOfAsync(agent));
        return (queueId, await AnswerAnotherCallAsync(queueId));
    }

    private async Task<Guid> AnswerAnotherCallAsync(Guid queueId)
    {
        using var agent = await ClientAsync(Actor.Agent);
        using var workspace = await ReadyAsync(agent, await IdOfAsync(agent));
        var callId = Guid.NewGuid();
        var waiting = WaitInQueueAsync(callId, queueId);
        var offer = await NextCommandAsync<OfferCall>(callId);
        Dispatcher.Post(new AgentAcceptedOffer(offer.OfferId));
        await waiting;
        await Dispatcher.GetSnapshotAsync(Ct);
        await EventLog.FlushAsync(Ct);
        return callId;
    }

    private async Task<List<QueueEventView>> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
        return (await response.Content.ReadFromJsonAsync<List<QueueEventView>>(TestJson.Options, Ct))!;
    }
}

public sealed class QueueEventLogReplayTests_on_sqlite() : QueueEventLogReplayTests(StorageKind.Sqlite);

public sealed class QueueEventLogReplayTests_on_postgres() : QueueEventLogReplayTests(StorageKind.Postgres);
