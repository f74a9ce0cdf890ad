using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Users;
using Switchboard.Server.Tests.AcdHosting;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workspace.ClientInfo;
using Switchboard.Server.Workspace;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.Workspace;

public abstract class WorkspaceApiTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Anonymous_client_is_refused_the_workspace()
    {
        using var anonymous = await ClientAsync(Actor.Anonymous);

        using var response = await anonymous.GetAsync("/api/v1/workspace", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Actor.Agent)]
    [InlineData(Actor.Supervisor)]
    [InlineData(Actor.Admin)]
    public async Task Agents_supervisors_and_admins_open_their_own_workspace(Actor actor)
    {
        using var client = await ClientAsync(actor);
        var id = await IdOfAsync(client);

        var workspace = await client.GetFromJsonAsync<JsonElement>("/api/v1/workspace", TestJson.Options, Ct);

        Assert.Equal(id, workspace.GetProperty("agent").GetProperty("id").GetGuid());
        Assert.Equal("notAvailable", workspace.GetProperty("agent").GetProperty("status").GetString());
        Assert.Equal(0, workspace.GetProperty("recentCalls").GetArrayLength());
    }

    [Fact]
    public async Task Workspace_lists_the_agents_queues_with_the_calls_waiting_in_them()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var otherId = await CreateUserAsync("other");
        var support = await CreateQueueAsync(admin, "Support", agentId);
        await CreateQueueAsync(admin, "Billing", otherId);
        using var callerHangsUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var socket = await AgentSocketAsync();

        var waiting = WaitInQueueAsync(Guid.CreateVersion7(), support, callerHangup: callerHangsUp.Token);
        await socket.NextAsync("callEnteredQueue", Ct);
        var workspace = await agent.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct);
        await callerHangsUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        Assert.Equal([new WorkspaceQueueView(support, "Support", 1)], workspace!.Queues);
    }

    [Fact]
    public async Task Agents_socket_carries_calls_entering_their_own_queues_only()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var otherId = await CreateUserAsync("other");
        var support = await CreateQueueAsync(admin, "Support", agentId);
        var billing = await CreateQueueAsync(admin, "Billing", otherId);
        using var callersHangUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var socket = await AgentSocketAsync();

        var toBilling = WaitInQueueAsync(Guid.CreateVersion7(), billing, callerHangup: callersHangUp.Token);
        await Dispatcher.GetSnapshotAsync(Ct);
        var toSupport = WaitInQueueAsync(Guid.CreateVersion7(), support, callerHangup: callersHangUp.Token);
        var entered = await socket.NextAsync("callEnteredQueue", Ct);
        await callersHangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(toBilling, toSupport));

        Assert.Equal(support, entered.GetProperty("queueId").GetGuid());
    }

    [Fact]
    public async Task Recent_calls_are_the_last_twenty_the_agent_talked_on_newest_first()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var otherId = await CreateUserAsync("other");
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 22)
            .Select(minute => Record(start.AddMinutes(minute), agentId, $"+1415555{minute:0000}"))
            .Append(Record(start.AddHours(1), otherId, "+14155559999"))
            .ToList();
        await Factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SwitchboardDbContext>();
            db.CallRecords.AddRange(records);
            return await db.SaveChangesAsync(Ct);
        });

        var workspace = await agent.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct);

        Assert.Equal(
            Enumerable.Range(2, 20).Reverse().Select(minute => $"+1415555{minute:0000}"),
            workspace!.RecentCalls.Select(call => call.CallerNumber));
        Assert.Equal("answeredFromQueue", workspace.RecentCalls[0].Result);
    }

    [Fact]
    public async Task Recent_calls_keep_a_call_the_agent_transferred_to_another_agent()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var otherId = await CreateUserAsync("other");
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await Factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SwitchboardDbContext>();
            db.CallRecords.Add(Record(start, agentId, "+14155550101", otherId));
            db.CallRecords.Add(Record(start.AddMinutes(5), otherId, "+14155550102", agentId));
            return await db.SaveChangesAsync(Ct);
        });

        var workspace = await agent.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct);

        // The first they transferred away, the second was transferred to them: both are calls they talked on.
        Assert.Equal(["+14155550102", "+14155550101"], workspace!.RecentCalls.Select(call => call.CallerNumber));
    }

    [Fact]
    public async Task Transfer_targets_are_the_other_users_and_every_queue()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var bobId = await CreateUserAsync("bob");
        var queueId = await CreateQueueAsync(admin, "Support", agentId);

        var targets = await agent.GetFromJsonAsync<TransferTargetsView>("/api/v1/workspace/transfer-targets", TestJson.Options, Ct);

        Assert.Contains(targets!.Users, user => user.Id == bobId && user.Name == "bob");
        Assert.DoesNotContain(targets.Users, user => user.Id == agentId);
        Assert.Equal([new TransferQueueView(queueId, "Support")], targets.Queues);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/refuse")]
    [InlineData("POST", "/hangup")]
    [InlineData("POST", "/accept")]
    [InlineData("POST", "/reconnect")]
    [InlineData("POST", "/hold")]
    [InlineData("POST", "/dtmf")]
    [InlineData("POST", "/transfer")]
    public async Task Call_that_does_not_ring_or_connect_the_agent_is_not_found(string method, string action)
    {
        using var agent = await ClientAsync(Actor.Agent);
        object body = action switch
        {
            "/accept" or "/reconnect" => new { sdp = "v=0\r\n" },
            "/hold" => new { held = true },
            "/dtmf" => new { digits = "1" },
            "/transfer" => new { number = "+14155550123" },
            _ => new { },
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/workspace/calls/{Guid.CreateVersion7()}{action}");
        if (method == "POST")
            request.Content = JsonContent.Create(body, options: TestJson.Options);

        using var response = await agent.SendAsync(request, Ct);

        await response.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
    }

    [Theory]
    [InlineData("12x")]
    [InlineData("")]
    [InlineData("123456789012345678901234567890123")]
    [InlineData("1\n")]
    public async Task Digits_other_than_keypad_keys_are_refused(string digits)
    {
        using var agent = await ClientAsync(Actor.Agent);

        using var response = await agent.PostAsJsonAsync($"/api/v1/workspace/calls/{Guid.CreateVersion7()}/dtmf", new { digits }, TestJson.Options, Ct);

        Assert.Contains("0-9, *, # and A-D", Assert.Single(await response.ReadFieldErrorsAsync("digits", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_needs_exactly_one_target_and_says_so_in_words()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var url = $"/api/v1/workspace/calls/{Guid.CreateVersion7()}/transfer";

        using var none = await agent.PostAsJsonAsync(url, new { }, TestJson.Options, Ct);
        using var two = await agent.PostAsJsonAsync(url, new { userId = Guid.CreateVersion7(), number = "+14155550123" }, TestJson.Options, Ct);

        Assert.Equal(["Choose where the call goes: a user, a queue or a number."], await none.ReadFieldErrorsAsync("target", Ct));
        Assert.Equal(["Choose one place for the call to go: a user, a queue or a number, not several."], await two.ReadFieldErrorsAsync("target", Ct));
    }

    [Fact]
    public async Task Transfer_to_an_unknown_user_or_queue_or_to_a_number_not_in_international_form_is_refused()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var url = $"/api/v1/workspace/calls/{Guid.CreateVersion7()}/transfer";

        using var user = await agent.PostAsJsonAsync(url, new { userId = Guid.CreateVersion7() }, TestJson.Options, Ct);
        using var queue = await agent.PostAsJsonAsync(url, new { queueId = Guid.CreateVersion7() }, TestJson.Options, Ct);
        using var number = await agent.PostAsJsonAsync(url, new { number = "4155550123" }, TestJson.Options, Ct);

        Assert.Equal(["No such user."], await user.ReadFieldErrorsAsync("userId", Ct));
        Assert.Equal(["No such queue."], await queue.ReadFieldErrorsAsync("queueId", Ct));
        Assert.Contains("international form", Assert.Single(await number.ReadFieldErrorsAsync("number", Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_without_an_offer_is_refused()
    {
        using var agent = await ClientAsync(Actor.Agent);

        using var response = await agent.PostAsJsonAsync($"/api/v1/workspace/calls/{Guid.CreateVersion7()}/accept", new { sdp = " " }, TestJson.Options, Ct);

        await response.ReadFieldErrorsAsync("sdp", Ct);
    }

    [Fact]
    public async Task Reconnect_without_an_offer_is_refused()
    {
        using var agent = await ClientAsync(Actor.Agent);

        using var response = await agent.PostAsJsonAsync($"/api/v1/workspace/calls/{Guid.CreateVersion7()}/reconnect", new { sdp = " " }, TestJson.Options, Ct);

        Assert.Equal(["Give the webphone's SDP offer."], await response.ReadFieldErrorsAsync("sdp", Ct));
    }

    [Fact]
    public async Task Workspace_shows_the_call_ringing_the_agent_and_then_the_one_they_talk_on_so_a_reloaded_page_shows_it_again()
    {
        var server = ClientInfoServer.Start(Factory);
        var (agentId, agent) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var (otherId, _) = await server.AgentAsync("olga", crmAccess: false, Ct);
        var call = server.Calls.Add("+14155550123", null, new Dictionary<string, string>(), agentId);
        var now = DateTimeOffset.UtcNow;

        var before = await agent.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct);
        server.Calls.SetCurrent(otherId, new UserCallView(call, new UserCallPart(UserCallState.Connected, Webphone: true, 7, null, null, null, now)));
        server.Calls.SetCurrent(agentId, new UserCallView(call, new UserCallPart(UserCallState.Ringing, Webphone: true, 7, now, TimeSpan.FromHours(1), now.AddSeconds(-40), null)));
        var ringing = (await agent.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct))!.CurrentCall;
        server.Calls.SetCurrent(agentId, new UserCallView(call, new UserCallPart(UserCallState.Held, Webphone: true, 7, null, null, null, now.AddMinutes(-2))));
        var held = (await agent.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct))!.CurrentCall;

        Assert.Null(before!.CurrentCall);
        Assert.NotNull(ringing);
        Assert.Equal((call.CallId, UserCallState.Ringing, "+14155550123", true, 7L), (ringing.CallId, ringing.State, ringing.CallerNumber, ringing.Webphone, ringing.OfferId));
        Assert.InRange(ringing.RingSecondsLeft!.Value, 3000, 3600);
        Assert.InRange(ringing.SecondsWaiting!.Value, 40, 640);
        Assert.Null(ringing.SecondsConnected);
        Assert.NotNull(held);
        Assert.Equal((call.CallId, UserCallState.Held, true), (held.CallId, held.State, held.Webphone));
        Assert.InRange(held.SecondsConnected!.Value, 120, 720);
        Assert.Null(held.RingSecondsLeft);
    }

    [Fact]
    public async Task A_user_rung_for_a_call_hears_of_it_on_their_events_socket_and_nobody_else_does()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var bobId = await CreateUserAsync("bob");
        var queueId = await CreateQueueAsync(admin, "Support", agentId, bobId);
        using var socket = await AgentSocketAsync();
        var callId = Guid.CreateVersion7();
        var waitingSince = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        Router.OnCallEvent(new UserRinging(Guid.CreateVersion7(), bobId, "+14155550999", null, queueId, 6, TimeSpan.FromSeconds(15), waitingSince, Webphone: true));
        Router.OnCallEvent(new UserRinging(callId, agentId, "+14155550123", "Ann", queueId, 7, TimeSpan.FromSeconds(15), waitingSince, Webphone: true));
        Router.OnCallEvent(new UserRingingStopped(callId, agentId, RingingStopReason.AnsweredElsewhere));

        var ringing = await socket.NextAsync("callRinging", Ct);
        Assert.Equal(callId, ringing.GetProperty("callId").GetGuid());
        Assert.Equal(agentId, ringing.GetProperty("agentId").GetGuid());
        Assert.Equal("+14155550123", ringing.GetProperty("callerNumber").GetString());
        Assert.Equal("Ann", ringing.GetProperty("callerName").GetString());
        Assert.Equal(queueId, ringing.GetProperty("queueId").GetGuid());
        Assert.Equal("Support", ringing.GetProperty("queueName").GetString());
        Assert.Equal(7, ringing.GetProperty("offerId").GetInt64());
        Assert.Equal(15, ringing.GetProperty("ringSeconds").GetInt64());
        Assert.Equal(waitingSince, ringing.GetProperty("waitingSince").GetDateTimeOffset());
        Assert.True(ringing.GetProperty("webphone").GetBoolean());
        var stopped = await socket.NextAsync("ringingStopped", Ct);
        Assert.Equal((callId, "answeredElsewhere"), (stopped.GetProperty("callId").GetGuid(), stopped.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Connected_held_and_left_calls_reach_the_users_events_socket()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        using var socket = await AgentSocketAsync();
        var callId = Guid.CreateVersion7();
        var connectedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 5, TimeSpan.Zero);

        Router.OnCallEvent(new UserConnected(callId, agentId, null, connectedAt));
        Router.OnCallEvent(new UserCallHeld(callId, agentId, Held: true));
        Router.OnCallEvent(new UserLeftCall(callId, agentId, UserLeftReason.CallerHungUp, connectedAt.AddMinutes(1)));

        var connected = await socket.NextAsync("callConnected", Ct);
        Assert.Equal((callId, connectedAt), (connected.GetProperty("callId").GetGuid(), connected.GetProperty("at").GetDateTimeOffset()));
        Assert.True((await socket.NextAsync("callHeld", Ct)).GetProperty("held").GetBoolean());
        Assert.Equal("callerHungUp", (await socket.NextAsync("callLeft", Ct)).GetProperty("reason").GetString());
    }

    private CallEventRouter Router => Factory.Services.GetServices<ICallObserver>().OfType<CallEventRouter>().Single();

    private async Task<EventSocketClient> AgentSocketAsync()
    {
        var token = await Factory.LoginAsync("agent", SwitchboardFactory.UserPassword, Ct);
        return await EventSocketClient.ConnectAsync(Factory.Server, token, Ct);
    }

    /// <summary>A call answered from a queue by the <paramref name="agentIds"/> in turn, each transferring it to the next.</summary>
    private static CallRecord Record(DateTimeOffset startedAt, Guid agentId, string callerNumber, params Guid[] laterAgentIds)
    {
        var record = Record(startedAt, agentId, callerNumber);
        Guid[] agentIds = [agentId, .. laterAgentIds];
        record.Agents.Clear();
        record.Agents.AddRange(agentIds.Select((id, position) => new CallRecordAgent
        {
            Position = position,
            UserId = id,
            ConnectedAt = startedAt.AddSeconds(10 + 20 * position),
            LeftAt = startedAt.AddSeconds(30 + 20 * position),
            Ending = position == agentIds.Length - 1 ? "hungUp" : "transferred",
        }));
        record.Transfers.AddRange(agentIds.Skip(1).Select((id, position) => new CallRecordTransfer
        {
            Position = position,
            At = startedAt.AddSeconds(30 + 20 * position),
            ByUserId = agentIds[position],
            ToUserId = id,
        }));
        return record;
    }

    private static CallRecord Record(DateTimeOffset startedAt, Guid agentId, string callerNumber) => new()
    {
        Id = Guid.CreateVersion7(startedAt),
        SipCallId = $"{Guid.NewGuid():N}@test",
        CallerNumber = callerNumber,
        DialledNumber = "+442071234567",
        StartedAt = startedAt,
        AnsweredAt = startedAt.AddSeconds(10),
        EndedAt = startedAt.AddSeconds(70),
        Result = "answeredFromQueue",
        Agents = [new CallRecordAgent { Position = 0, UserId = agentId, ConnectedAt = startedAt.AddSeconds(10), LeftAt = startedAt.AddSeconds(70), Ending = "hungUp" }],
    };
}

public sealed class WorkspaceApiTests_on_sqlite() : WorkspaceApiTests(StorageKind.Sqlite);

public sealed class WorkspaceApiTests_on_postgres() : WorkspaceApiTests(StorageKind.Postgres);
