using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Crm;
using Switchboard.Server.Security;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Workspace.ClientInfo;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.Workspace.ClientInfo;

/// <summary>
/// The real server with telephony's live calls replaced by <see cref="LiveCallsDouble"/>, and helpers to put calls
/// on it: live ones that rang given users, answers, and ended ones as their call records.
/// </summary>
internal sealed class ClientInfoServer(WebApplicationFactory<Program> server, LiveCallsDouble calls)
{
    public static ClientInfoServer Start(SwitchboardFactory factory)
    {
        var calls = new LiveCallsDouble();
        return new ClientInfoServer(
            factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILiveCallDirectory>(calls))),
            calls);
    }

    public LiveCallsDouble Calls => calls;

    /// <summary>An agent (role agent) with or without CRM access, and a client logged in as them.</summary>
    public async Task<(Guid Id, HttpClient Client)> AgentAsync(string username, bool crmAccess, CancellationToken cancellationToken)
    {
        var created = await WithServicesAsync(services => services.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput(username, $"Agent {username}", Password: SwitchboardFactory.UserPassword, CrmAccess: crmAccess), cancellationToken));
        Assert.True(created.Succeeded, $"Creating '{username}' was refused: {string.Join(", ", created.Errors.Keys)}");

        var client = server.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest(username, SwitchboardFactory.UserPassword), TestJson.Options, cancellationToken);
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>(TestJson.Options, cancellationToken))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (created.Value!.Id, client);
    }

    public HttpClient AnonymousClient() => server.CreateClient();

    /// <summary>Telephony reports that <paramref name="userId"/> answered the live call.</summary>
    public void Answer(Guid callId, Guid userId) =>
        server.Services.GetRequiredService<AcceptedCalls>().OnCallEvent(new UserConnected(callId, userId, null, DateTimeOffset.UtcNow));

    /// <summary>The live call ends, answered by <paramref name="agentId"/>; its record has not reached the database yet.</summary>
    public void EndBeforeItsRecordIsStored(LiveCallView call, Guid agentId)
    {
        calls.End(call.CallId);
        server.Services.GetRequiredService<AcceptedCalls>().OnCallEvent(new Switchboard.Telephony.CallFinished(new CallSummary(
            call.CallId, $"{call.CallId:N}@test", call.CallerNumber, call.DialledNumber, call.StartedAt, call.StartedAt,
            call.StartedAt.AddMinutes(2), CallResult.AnsweredFromQueue, "", "", CallerMedia: null, CalleeMedia: null, call.QueueId,
            [new CallAgent(agentId, call.QueueId, call.StartedAt, call.StartedAt.AddMinutes(2), UserLeftReason.HungUp)], [])));
    }

    /// <summary>The live call ends, answered by <paramref name="agentId"/>, and its record is stored.</summary>
    public Task EndAsync(LiveCallView call, Guid agentId, CancellationToken cancellationToken) => EndAsync(call, [agentId], cancellationToken);

    /// <summary>The live call ends, answered by the <paramref name="agentIds"/> in turn, each transferring it to the next; its record is stored.</summary>
    public Task EndAsync(LiveCallView call, IReadOnlyList<Guid> agentIds, CancellationToken cancellationToken)
    {
        calls.End(call.CallId);
        return WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SwitchboardDbContext>();
            db.CallRecords.Add(new CallRecord
            {
                Id = call.CallId,
                SipCallId = $"{call.CallId:N}@test",
                CallerNumber = call.CallerNumber,
                DialledNumber = call.DialledNumber,
                StartedAt = call.StartedAt,
                AnsweredAt = call.StartedAt,
                EndedAt = call.StartedAt.AddMinutes(2),
                Result = "answeredByUser",
                QueueId = call.QueueId,
                Agents = [.. agentIds.Select((agentId, position) => new CallRecordAgent
                {
                    Position = position,
                    UserId = agentId,
                    ConnectedAt = call.StartedAt.AddSeconds(position),
                    LeftAt = call.StartedAt.AddSeconds(position + 1),
                    Ending = position == agentIds.Count - 1 ? "hungUp" : "transferred",
                })],
                Transfers = [.. agentIds.Skip(1).Select((agentId, position) => new CallRecordTransfer
                {
                    Position = position, At = call.StartedAt.AddSeconds(position + 1), ByUserId = agentIds[position], ToUserId = agentId,
                })],
            });
            return await db.SaveChangesAsync(cancellationToken);
        });
    }

    public Task<Guid> QueueAsync(string name, CancellationToken cancellationToken) =>
        WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SwitchboardDbContext>();
            var queue = new DistributionQueue { Name = name };
            db.Queues.Add(queue);
            await db.SaveChangesAsync(cancellationToken);
            return queue.Id;
        });

    public Task<ContactView> ContactAsync(ContactInput input, CancellationToken cancellationToken) =>
        WithServicesAsync(async services =>
        {
            var created = await services.GetRequiredService<ContactAdmin>().CreateAsync(input, cancellationToken);
            Assert.True(created.Succeeded, $"Creating contact '{input.Name}' was refused: {string.Join(", ", created.Errors.Keys)}");
            return created.Value!;
        });

    /// <summary>The contact as the CRM holds it, with its timeline.</summary>
    public Task<ContactView?> StoredContactAsync(Guid id, CancellationToken cancellationToken) =>
        WithServicesAsync(services => services.GetRequiredService<ContactDirectory>().GetAsync(id, cancellationToken));

    /// <summary>Runs <paramref name="action"/> with the services of a request of its own.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = server.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
