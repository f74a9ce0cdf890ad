using System.Net.Http.Json;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Server.Hosting;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hosting;

public abstract class DemoSwitchboardTests(StorageKind storage) : SwitchboardTest(storage)
{
    private static readonly Dictionary<string, string> DemoOn = new() { ["Switchboard:Demo"] = "true" };

    [Fact]
    public async Task Demo_start_creates_a_number_that_runs_greeting_staffing_check_queue_and_fallback()
    {
        await using var server = new SwitchboardFactory(Storage, settings: DemoOn);
        var admin = await server.CreateClientAsync(Actor.Admin, Ct);

        var number = Assert.Single((await admin.GetFromJsonAsync<List<NumberView>>("/api/v1/numbers", TestJson.Options, Ct))!);
        var scenario = (await admin.GetFromJsonAsync<ScenarioView>($"/api/v1/scenarios/{number.ScenarioId}", TestJson.Options, Ct))!;
        var queue = Assert.Single((await admin.GetFromJsonAsync<List<QueueView>>("/api/v1/queues", TestJson.Options, Ct))!);
        var sounds = (await admin.GetFromJsonAsync<List<SoundView>>("/api/v1/sounds", TestJson.Options, Ct))!;

        Assert.Equal(DemoSwitchboard.MainNumber, number.Number);
        Assert.Equal(
            [typeof(PlaySoundAction), typeof(ConditionAction), typeof(QueueAction), typeof(ForwardAction)],
            scenario.Actions.Select(action => action.GetType()));
        Assert.Empty(scenario.Issues);
        Assert.Equal(queue.Id, ((QueueAction)scenario.Actions[2]).QueueId);
        Assert.Equal(new NoReadyAgentsCondition(queue.Id), ((ConditionAction)scenario.Actions[1]).When);
        Assert.Equal(DemoSwitchboard.QueueName, queue.Name);
        Assert.Equal(2, queue.Members.Count);
        Assert.Contains(sounds, sound => sound.Id == queue.MusicOnHoldSoundId && sound.DurationMilliseconds > 10_000);
        Assert.Contains(sounds, sound => sound.Id == ((PlaySoundAction)scenario.Actions[0]).SoundId && sound.DurationMilliseconds > 1_000);
    }

    [Fact]
    public async Task Demo_agents_log_in_with_the_passwords_the_readme_gives()
    {
        await using var server = new SwitchboardFactory(Storage, settings: DemoOn);

        foreach (var (username, _, password) in DemoSwitchboard.Agents)
            Assert.False(string.IsNullOrEmpty(await server.LoginAsync(username, password, Ct)));
    }

    [Fact]
    public async Task Demo_is_created_once_and_survives_restarts()
    {
        await using (var first = new SwitchboardFactory(Storage, settings: DemoOn))
            _ = first.Services;
        await using var second = new SwitchboardFactory(Storage, settings: DemoOn);
        var admin = await second.CreateClientAsync(Actor.Admin, Ct);

        Assert.Single((await admin.GetFromJsonAsync<List<NumberView>>("/api/v1/numbers", TestJson.Options, Ct))!);
        Assert.Single((await admin.GetFromJsonAsync<List<QueueView>>("/api/v1/queues", TestJson.Options, Ct))!);
    }

    [Fact]
    public async Task Without_the_demo_setting_nothing_is_configured()
    {
        var admin = await ClientAsync(Actor.Admin);

        Assert.Empty((await admin.GetFromJsonAsync<List<NumberView>>("/api/v1/numbers", TestJson.Options, Ct))!);
    }
}

public sealed class DemoSwitchboardTests_on_sqlite() : DemoSwitchboardTests(StorageKind.Sqlite);

public sealed class DemoSwitchboardTests_on_postgres() : DemoSwitchboardTests(StorageKind.Postgres);
