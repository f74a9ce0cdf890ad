using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Calls;
using Switchboard.Server.Crm;
using Switchboard.Server.Tests.AcdHosting;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.TelephonyHosting;
using Switchboard.Server.Workspace;
using Switchboard.Telephony;
using Switchboard.Testing.Peers;

namespace Switchboard.Server.Tests.Calls;

/// <summary>GET /api/v1/calls/{id}: one call's detail, for those who may see it.</summary>
public abstract class CallApiTests(StorageKind storage) : AcdTest(storage)
{
    // Past any line the server's own writer numbers while a test runs.
    private const long SeededSequence = 1_000_000;

    [Fact]
    public async Task Anonymous_client_cannot_read_a_call()
    {
        using var anonymous = await ClientAsync(Actor.Anonymous);

        using var response = await anonymous.GetAsync($"/api/v1/calls/{Guid.CreateVersion7()}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_call_nobody_made_is_not_found()
    {
        using var supervisor = await ClientAsync(Actor.Supervisor);

        using var response = await supervisor.GetAsync($"/api/v1/calls/{Guid.CreateVersion7()}", Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
        Assert.Equal("No call has this id.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Actor.Admin)]
    [InlineData(Actor.Supervisor)]
    public async Task Admins_and_supervisors_read_any_call(Actor actor)
    {
        using var client = await ClientAsync(actor);
        var call = await SeedAsync(await CreateUserAsync("ann"), await CreateUserAsync("bob"));

        var detail = await client.GetFromJsonAsync<CallDetailView>($"/api/v1/calls/{call}", TestJson.Options, Ct);

        Assert.Equal(call, detail!.Id);
    }

    [Fact]
    public async Task An_agent_reads_a_call_they_talked_on_and_one_they_only_refused()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var other = await CreateUserAsync("bob");
        var talked = await SeedAsync(refusedBy: other, answeredBy: agentId);
        var refused = await SeedAsync(refusedBy: agentId, answeredBy: other, queueName: "Support");

        using var talkedResponse = await agent.GetAsync($"/api/v1/calls/{talked}", Ct);
        using var refusedResponse = await agent.GetAsync($"/api/v1/calls/{refused}", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (talkedResponse.StatusCode, refusedResponse.StatusCode));
    }

    [Fact]
    public async Task An_agent_who_neither_was_offered_nor_talked_on_a_call_is_forbidden_to_read_it()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var call = await SeedAsync(await CreateUserAsync("ann"), await CreateUserAsync("bob"));

        using var response = await agent.GetAsync($"/api/v1/calls/{call}", Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden, Ct);
        Assert.Equal(CallAccess.RefusedWords, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_detail_gives_the_calls_facts_its_path_its_agents_wrap_up_and_the_contact_bound_to_it()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var ann = await CreateUserAsync("ann");
        var bob = await CreateUserAsync("bob");
        var call = await SeedAsync(refusedBy: ann, answeredBy: bob);
        var contact = await ConfigurationApi.CreateAsync<ContactView>(admin, "/api/v1/contacts", new { name = "Ines Caller" }, Ct);
        (await admin.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/timeline",
            new { kind = "call", referenceId = call.ToString(), at = StoredCall.Start }, TestJson.Options, Ct)).EnsureSuccessStatusCode();

        var detail = (await admin.GetFromJsonAsync<CallDetailView>($"/api/v1/calls/{call}", TestJson.Options, Ct))!;

        Assert.Equal(("+14155550123", "+442071234567", "answeredFromQueue", "Sales", (int?)60),
            (detail.CallerNumber, detail.DialledNumber, detail.Result, detail.QueueName, detail.TalkedSeconds));
        Assert.Equal(
            [
                ("started", null, null, null),
                ("enteredQueue", "Sales", null, null),
                ("offered", "Sales", "ann", "refused"),
                ("offered", "Sales", "bob", "answered"),
                ("leftQueue", "Sales", "bob", "answered"),
                ("connected", null, "bob", null),
                ("agentLeft", null, "bob", "hungUp"),
                ("ended", null, null, (string?)"answeredFromQueue"),
            ],
            detail.Path.Select(step => (step.Kind, step.QueueName, step.UserName, step.Outcome)));
        var part = Assert.Single(detail.Agents);
        Assert.Equal(("bob", "Sale", "Two seats"), (part.Name, part.Disposition, part.Notes));
        Assert.Equal([new CallContactView(contact.Id, "Ines Caller")], detail.Contacts);
    }

    [Fact]
    public async Task A_real_call_answered_by_an_agents_sip_phone_reads_back_with_its_queue_wait_offer_and_talk()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var supervisor = await ClientAsync(Actor.Supervisor);
        var agent = await CreateDeviceUserAsync("dana", "dana-phone");
        var queueId = await CreateQueueAsync(admin, "Support", agent);
        await ConfigurationApi.CreateAsync<TrunkView>(admin, "/api/v1/trunks", new TrunkInput("Carrier", ["127.0.0.1/32"]), Ct);
        var scenario = await ConfigurationApi.CreateAsync<ScenarioView>(admin, "/api/v1/scenarios", new ScenarioInput("Support line", [new QueueAction(queueId)]), Ct);
        await ConfigurationApi.CreateAsync<NumberView>(admin, "/api/v1/numbers", new NumberInput("+12025550100", null, scenario.Id), Ct);
        using var agentClient = await ClientOfAsync("dana");
        using var ready = await ReadyAsync(agentClient, agent);
        var sip = Factory.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.UdpEndPoint!;
        using var directory = new TemporaryDirectory();
        await using var media = new RtpSocket();
        media.Receive((_, _, _) => ValueTask.CompletedTask);

        await using (var phone = await SippDevice.StartAsync(sip, "dana-phone", FreePort.Find(), SippDeviceScenarios.AnswersUntilBye(FreePort.Find()), directory, cancellationToken: Ct))
        {
            var callerPort = FreePort.Find();
            await using var caller = await Sipp.StartAsync(sip, SippCallerScenarios.CallAndHangUpWhenTold("12025550100", media.Port, fromUser: "+14155550123"),
                "u1", callerPort, directory, SippHangUpSignal.Arguments);
            var calls = Factory.Services.GetRequiredService<ILiveCallDirectory>();
            await PeerWait.UntilAsync(() => calls.FindForUser(agent)?.Part.State == UserCallState.Connected, () => $"The agent's phone never answered.\n{phone.Output}\n{caller.Output}", Ct);
            await SippHangUpSignal.SendAsync(callerPort, Ct);
            var run = await caller.WaitAsync(Ct);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.True((await phone.WaitAsync(Ct)).ExitCode == 0, phone.Output);
        }

        await Factory.Services.GetRequiredService<CallRecordWriter>().FlushAsync(Ct);
        await EventLog.FlushAsync(Ct);
        var recent = (await agentClient.GetFromJsonAsync<WorkspaceView>("/api/v1/workspace", TestJson.Options, Ct))!.RecentCalls;
        var detail = (await supervisor.GetFromJsonAsync<CallDetailView>($"/api/v1/calls/{Assert.Single(recent).CallId}", TestJson.Options, Ct))!;

        Assert.Equal(("+14155550123", "+12025550100", "answeredFromQueue", "Support"), (detail.CallerNumber, detail.DialledNumber, detail.Result, detail.QueueName));
        Assert.Equal(
            [
                ("started", null, null),
                ("enteredQueue", null, null),
                ("offered", "dana", "answered"),
                ("leftQueue", "dana", "answered"),
                ("connected", "dana", null),
                ("agentLeft", "dana", "callerHungUp"),
                ("ended", null, (string?)"answeredFromQueue"),
            ],
            detail.Path.Select(step => (step.Kind, step.UserName, step.Outcome)));
        Assert.NotNull(detail.Path.Single(step => step.Kind == "leftQueue").Seconds);
        Assert.Equal("dana", Assert.Single(detail.Agents).Name);
    }

    /// <summary>A user with a SIP device and no webphone, whose calls ring that device.</summary>
    private Task<Guid> CreateDeviceUserAsync(string username, string sipUsername) =>
        Factory.WithServicesAsync(async services =>
        {
            var created = await services.GetRequiredService<UserAdmin>().CreateAsync(
                new UserInput(username, username, Role.Agent, OtherAgentPassword, SipUsername: sipUsername,
                    SipPassword: SippDevice.SipPassword(sipUsername), WebphoneEnabled: false), Ct);
            Assert.True(created.Succeeded);
            return created.Value!.Id;
        });

    /// <summary>
    /// A call to queue Sales refused by one agent and answered by another, who talked a minute and wrapped it up, stored
    /// as the record writer and the queue event log store it.
    /// </summary>
    private Task<Guid> SeedAsync(Guid refusedBy, Guid answeredBy, string queueName = "Sales") =>
        Factory.WithServicesAsync(async services =>
        {
            var queue = await services.GetRequiredService<QueueAdmin>()
                .CreateAsync(new QueueInput(queueName), Ct);
            var queueId = queue.Value!.Id;
            var db = services.GetRequiredService<SwitchboardDbContext>();
            var sequence = SeededSequence + (await db.QueueEvents.CountAsync(Ct) * 10);
            var call = new StoredCall(queueId: queueId, firstSequence: sequence)
                .Entered(queueId, at: 1)
                .Offered(queueId, refusedBy, at: 1, "offerRefused", outcomeAt: 4)
                .Answered(queueId, answeredBy, at: 5, answeredAt: 8)
                .Talked(answeredBy, from: 8, to: 68, "hungUp", disposition: "Sale", notes: "Two seats")
                .Ended(68);
            db.CallRecords.Add(call.Record);
            db.QueueEvents.AddRange(call.Events);
            await db.SaveChangesAsync(Ct);
            return call.Record.Id;
        });
}

public sealed class CallApiTests_on_sqlite() : CallApiTests(StorageKind.Sqlite);

public sealed class CallApiTests_on_postgres() : CallApiTests(StorageKind.Postgres);
