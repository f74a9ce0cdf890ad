using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Media.Audio;
using Switchboard.Server.Admin;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Users;

namespace Switchboard.Server.Hosting;

/// <summary>
/// A switchboard that works out of the box, created when <c>Switchboard:Demo</c> is on and nothing is configured
/// yet: a greeting, a condition that skips the queue while no agent is Ready, the queue "Support" with two agents
/// (who take calls in the webphone), and a forward to a duty phone as the fallback. It behaves the same at any hour. It is built through the same admin services as the API, so it obeys the same rules. The
/// README lists the credentials below; change them before the switchboard faces anyone else.
/// </summary>
public sealed partial class DemoSwitchboard(
    SwitchboardDbContext db,
    SoundAdmin sounds,
    UserAdmin users,
    QueueAdmin queues,
    ScenarioAdmin scenarios,
    NumberAdmin numbers,
    TrunkAdmin trunks,
    ILogger<DemoSwitchboard> logger)
{
    public const string MainNumber = "+12025550100";
    public const string DutyPhone = "+12025550199";
    public const string QueueName = "Support";

    /// <summary>The demo agents: username, display name, password (web login and SIP device alike).</summary>
    public static readonly IReadOnlyList<(string Username, string DisplayName, string Password)> Agents =
    [
        ("alice", "Alice Agent", "alice-demo"),
        ("bob", "Bob Agent", "bob-demo"),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Scenarios.AnyAsync(cancellationToken) || await db.Queues.AnyAsync(cancellationToken) ||
            await db.Numbers.AnyAsync(cancellationToken))
            return;

        var greeting = await UploadAsync("Demo greeting", ToneSynthesizer.CreateGreeting(), cancellationToken);
        var holdMusic = await UploadAsync("Demo hold music", ToneSynthesizer.CreateHoldMusic(), cancellationToken);

        var members = new List<QueueMember>();
        foreach (var (username, displayName, password) in Agents)
        {
            var agent = Created(await users.CreateAsync(
                new UserInput(username, displayName, Role.Agent, password, SipUsername: username, SipPassword: password),
                cancellationToken));
            members.Add(new QueueMember(agent.Id, Level: 1, Position: members.Count + 1));
        }

        var support = Created(await queues.CreateAsync(
            new QueueInput(QueueName, MaxWaitSeconds: 120, MusicOnHoldSoundId: holdMusic.Id, Members: members),
            cancellationToken));

        Created(await trunks.CreateAsync(
            new TrunkInput("Local test trunk", ["127.0.0.1/32", "::1/128"], OutboundHost: "127.0.0.1:5080"),
            cancellationToken));

        const int fallback = 3;
        var scenario = Created(await scenarios.CreateAsync(
            new ScenarioInput("Demo line",
            [
                new PlaySoundAction(greeting.Id),
                // Nobody to answer: straight to the duty phone rather than waiting in an unstaffed queue.
                new ConditionAction(new NoReadyAgentsCondition(support.Id), new SkipToOutcome(fallback)),
                new QueueAction(support.Id, MaxWaitSeconds: 120),
                new ForwardAction(DutyPhone),
            ]),
            cancellationToken));

        Created(await numbers.CreateAsync(new NumberInput(MainNumber, "Demo main line", scenario.Id), cancellationToken));
        LogSeeded(logger, MainNumber);
    }

    private async Task<SoundView> UploadAsync(string name, byte[] wav, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(wav, writable: false);
        return Created(await sounds.UploadAsync(name, stream, cancellationToken));
    }

    // The demo is fixed data: a refusal means the rules and the demo drifted apart, which start-up must not hide.
    private static T Created<T>(AdminResult<T> result) => result.Succeeded
        ? result.Value!
        : throw new InvalidOperationException(
            "The demo switchboard no longer passes validation: " +
            string.Join("; ", result.Errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo switchboard: call {Number} to try it")]
    private static partial void LogSeeded(ILogger logger, string number);
}
