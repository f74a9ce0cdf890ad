using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Tests.AcdHosting;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Workspace;

namespace Switchboard.Server.Tests.Workspace;

/// <summary>PUT /api/v1/workspace/calls/{id}/wrap-up: an agent's disposition and notes for a call they talked on.</summary>
public abstract class WrapUpApiTests(StorageKind storage) : AcdTest(storage)
{
    private static readonly string[] SalesDispositions = ["Sale", "Callback requested", "No interest"];

    private static readonly string[] SupportDispositions = ["Solved"];

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Anonymous_client_cannot_wrap_up_a_call()
    {
        using var anonymous = await ClientAsync(Actor.Anonymous);

        using var response = await anonymous.PutAsJsonAsync($"/api/v1/workspace/calls/{Guid.CreateVersion7()}/wrap-up", new { notes = "x" }, TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_call_nobody_made_is_not_found()
    {
        using var agent = await ClientAsync(Actor.Agent);

        using var response = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{Guid.CreateVersion7()}/wrap-up", new { notes = "x" }, TestJson.Options, Ct);

        await response.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
    }

    [Fact]
    public async Task An_agent_who_did_not_talk_on_the_call_is_forbidden_to_wrap_it_up()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var otherId = await CreateUserAsync("other");
        var queueId = await CreateSalesQueueAsync(admin, required: false);
        var call = await RecordAsync(queueId, otherId);

        using var response = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Sale" }, TestJson.Options, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden, Ct);
        Assert.Equal("Only an agent who talked on this call may wrap it up.", problem.GetProperty("detail").GetString());
        Assert.Null((await PartsAsync(call)).Single().Disposition);
    }

    [Fact]
    public async Task A_disposition_the_queue_does_not_list_is_refused_naming_those_it_does()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateSalesQueueAsync(admin, required: false);
        var call = await RecordAsync(queueId, await IdOfAsync(agent));

        using var response = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Wrong number" }, TestJson.Options, Ct);

        Assert.Equal(
            ["'Wrong number' is not a disposition of queue Sales; choose one of: Sale, Callback requested, No interest."],
            await response.ReadFieldErrorsAsync("disposition", Ct));
    }

    [Fact]
    public async Task A_queue_that_requires_a_disposition_refuses_a_wrap_up_without_one()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateSalesQueueAsync(admin, required: true);
        var call = await RecordAsync(queueId, await IdOfAsync(agent));

        using var response = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { notes = "Called back later" }, TestJson.Options, Ct);

        Assert.Equal(["Choose a disposition: queue Sales asks for one after each call."], await response.ReadFieldErrorsAsync("disposition", Ct));
    }

    [Fact]
    public async Task Notes_longer_than_the_limit_are_refused()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateSalesQueueAsync(admin, required: false);
        var call = await RecordAsync(queueId, await IdOfAsync(agent));

        using var response = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { notes = new string('n', 4001) }, TestJson.Options, Ct);

        Assert.Equal(["Too long: notes hold at most 4000 characters (4001 written)."], await response.ReadFieldErrorsAsync("notes", Ct));
    }

    [Fact]
    public async Task The_wrap_up_is_stored_on_the_agents_last_part_of_the_call_and_shows_in_their_recent_calls()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var otherId = await CreateUserAsync("other");
        var queueId = await CreateSalesQueueAsync(admin, required: true);
        // The agent talked, transferred to another, and had the call back.
        var call = await RecordAsync(queueId, agentId, otherId, agentId);

        using var response = await agent.PutAsJsonAsync(
            $"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "callback REQUESTED", notes = "  Call back on Monday  " }, TestJson.Options, Ct);

        response.EnsureSuccessStatusCode();
        var saved = await response.Content.ReadFromJsonAsync<WrapUpView>(TestJson.Options, Ct);
        Assert.Equal((call, "Callback requested", "Call back on Monday"), (saved!.CallId, saved.Disposition, saved.Notes));
        Assert.Equal(
            [(0, (string?)null, (string?)null), (1, null, null), (2, "Callback requested", "Call back on Monday")],
            (await PartsAsync(call)).Select(part => (part.Position, part.Disposition, part.Notes)));
        var workspace = await agent.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct);
        Assert.Equal("Callback requested", Assert.Single(workspace!.RecentCalls).Disposition);
    }

    [Fact]
    public async Task A_second_save_replaces_the_first()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateSalesQueueAsync(admin, required: false);
        var call = await RecordAsync(queueId, await IdOfAsync(agent));
        (await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Sale", notes = "Two seats" }, TestJson.Options, Ct)).EnsureSuccessStatusCode();

        (await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "No interest" }, TestJson.Options, Ct)).EnsureSuccessStatusCode();

        var part = (await PartsAsync(call)).Single();
        Assert.Equal(("No interest", (string?)null), (part.Disposition, part.Notes));
    }

    [Fact]
    public async Task An_agent_who_transferred_the_call_wraps_it_up_while_it_goes_on_with_the_one_they_gave_it_to()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var otherId = await CreateUserAsync("other");
        var queueId = await CreateSalesQueueAsync(admin, required: true);
        var call = await RecordAsync(queueId, await IdOfAsync(agent), otherId);
        await GoesOnAsync(call);

        using var response = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Sale" }, TestJson.Options, Ct);

        response.EnsureSuccessStatusCode();
        Assert.Equal([("transferred", (string?)"Sale"), (CallRecordAgent.InProgress, null)],
            (await PartsAsync(call)).Select(part => (part.Ending, part.Disposition)));
    }

    [Fact]
    public async Task An_agent_still_talking_on_the_call_cannot_wrap_it_up_yet()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateSalesQueueAsync(admin, required: false);
        var call = await RecordAsync(queueId, await IdOfAsync(agent));
        await GoesOnAsync(call);

        using var response = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Sale" }, TestJson.Options, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, Ct);
        Assert.Equal("You are still on the call.", problem.GetProperty("title").GetString());
        Assert.Null((await PartsAsync(call)).Single().Disposition);
    }

    [Fact]
    public async Task The_dispositions_are_those_of_the_queue_whose_offer_the_agent_answered_not_the_calls_last()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var salesId = await CreateSalesQueueAsync(admin, required: true);
        var support = await ConfigurationApi.CreateAsync<QueueView>(admin, "/api/v1/queues", new { name = "Support", dispositions = SupportDispositions }, Ct);
        // The agent took the call from Sales and transferred it to Support, where another agent answered.
        var call = await RecordAsync(salesId, await IdOfAsync(agent), await CreateUserAsync("other"));
        await Factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SwitchboardDbContext>();
            await db.Set<CallRecordAgent>().Where(part => part.CallId == call && part.Position == 1)
                .ExecuteUpdateAsync(set => set.SetProperty(part => part.QueueId, support.Id), Ct);
            return await db.CallRecords.Where(record => record.Id == call)
                .ExecuteUpdateAsync(set => set.SetProperty(record => record.QueueId, support.Id), Ct);
        });

        using var refused = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Solved" }, TestJson.Options, Ct);
        using var saved = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Sale" }, TestJson.Options, Ct);

        Assert.Equal(
            ["'Solved' is not a disposition of queue Sales; choose one of: Sale, Callback requested, No interest."],
            await refused.ReadFieldErrorsAsync("disposition", Ct));
        saved.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_call_the_agent_was_put_through_to_directly_takes_notes_and_no_disposition()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateSalesQueueAsync(admin, required: true);
        var call = await RecordAsync(queueId, await IdOfAsync(agent));
        await Factory.WithServicesAsync(services => services.GetRequiredService<SwitchboardDbContext>().Set<CallRecordAgent>()
            .Where(part => part.CallId == call).ExecuteUpdateAsync(set => set.SetProperty(part => part.QueueId, (Guid?)null), Ct));

        using var refused = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { disposition = "Sale" }, TestJson.Options, Ct);
        using var saved = await agent.PutAsJsonAsync($"/api/v1/workspace/calls/{call}/wrap-up", new { notes = "Asked for the invoice" }, TestJson.Options, Ct);

        Assert.Equal(["'Sale' cannot be recorded: you were put through to this call directly, not by a queue, so it has no dispositions."], await refused.ReadFieldErrorsAsync("disposition", Ct));
        saved.EnsureSuccessStatusCode();
        Assert.Equal(((string?)null, "Asked for the invoice"), ((await PartsAsync(call)).Single().Disposition, (await PartsAsync(call)).Single().Notes));
    }

    private async Task<Guid> CreateSalesQueueAsync(HttpClient admin, bool required)
    {
        var queue = await ConfigurationApi.CreateAsync<QueueView>(
            admin, "/api/v1/queues", new { name = "Sales", dispositions = SalesDispositions, dispositionRequired = required }, Ct);
        return queue.Id;
    }

    /// <summary>A call answered from the queue by the <paramref name="agents"/> in turn, stored as the call record writer stores it.</summary>
    private Task<Guid> RecordAsync(Guid queueId, params Guid[] agents) =>
        Factory.WithServicesAsync(async services =>
        {
            var record = new CallRecord
            {
                Id = Guid.CreateVersion7(Start),
                SipCallId = $"{Guid.NewGuid():N}@test",
                CallerNumber = "+14155550123",
                DialledNumber = "+442071234567",
                StartedAt = Start,
                AnsweredAt = Start.AddSeconds(10),
                EndedAt = Start.AddSeconds(10 + 20 * agents.Length),
                Result = "answeredFromQueue",
                QueueId = queueId,
                Agents = [.. agents.Select((agent, position) => new CallRecordAgent
                {
                    Position = position,
                    UserId = agent,
                    QueueId = queueId,
                    ConnectedAt = Start.AddSeconds(10 + 20 * position),
                    LeftAt = Start.AddSeconds(30 + 20 * position),
                    Ending = position == agents.Length - 1 ? "hungUp" : "transferred",
                })],
            };
            var db = services.GetRequiredService<SwitchboardDbContext>();
            db.CallRecords.Add(record);
            await db.SaveChangesAsync(Ct);
            return record.Id;
        });

    /// <summary>The call goes on: its record in progress, its last part too (the record writer's state while the agent talks).</summary>
    private Task<int> GoesOnAsync(Guid callId) =>
        Factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SwitchboardDbContext>();
            await db.CallRecords.Where(record => record.Id == callId).ExecuteUpdateAsync(set => set.SetProperty(record => record.Result, CallRecord.InProgress), Ct);
            var last = await db.Set<CallRecordAgent>().Where(part => part.CallId == callId).MaxAsync(part => part.Position, Ct);
            return await db.Set<CallRecordAgent>().Where(part => part.CallId == callId && part.Position == last)
                .ExecuteUpdateAsync(set => set.SetProperty(part => part.Ending, CallRecordAgent.InProgress), Ct);
        });

    private Task<List<CallRecordAgent>> PartsAsync(Guid callId) =>
        Factory.WithServicesAsync(async services =>
            (await services.GetRequiredService<SwitchboardDbContext>().CallRecords.AsNoTracking()
                .Include(record => record.Agents).SingleAsync(record => record.Id == callId, Ct))
            .Agents.OrderBy(part => part.Position).ToList());
}

public sealed class WrapUpApiTests_on_sqlite() : WrapUpApiTests(StorageKind.Sqlite);

public sealed class WrapUpApiTests_on_postgres() : WrapUpApiTests(StorageKind.Postgres);
