using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Sounds;
using Switchboard.Domain.Trunks;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Tests;

/// <summary>A small, consistent configuration using every entity and every kind of scenario action.</summary>
internal sealed class ConfigurationSample
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public ConfigurationSample()
    {
        Greeting = new Sound { Name = "Welcome", FileName = "welcome.wav", DurationMilliseconds = 4200, CreatedAt = CreatedAt };
        Agent = new User
        {
            Username = "alice",
            DisplayName = "Alice Agent",
            PasswordHash = "AQAAAAIAAYagAAAAE-alice",
            SipDevice = new SipDeviceCredentials("alice-desk", "0123456789abcdef0123456789abcdef", new string('a', 64)),
            WebphoneEnabled = false,
            CreatedAt = CreatedAt,
        };
        Supervisor = new User
        {
            Username = "bob",
            DisplayName = "Bob Supervisor",
            Role = Role.Supervisor,
            PasswordHash = "AQAAAAIAAYagAAAAE-bob",
            CrmAccess = true,
            CreatedAt = CreatedAt,
        };
        Queue = new DistributionQueue
        {
            Name = "Sales",
            Strategy = QueueStrategy.RoundRobin,
            Priority = 5,
            RingTimeoutSeconds = 15,
            MaxWaitSeconds = 120,
            MaxWaitingCalls = 10,
            WrapUpSeconds = 7,
            MaxNoAnswer = 2,
            MusicOnHoldSoundId = Greeting.Id,
            Members = [new QueueMember(Agent.Id, 1, 0), new QueueMember(Supervisor.Id, 2, 1)],
        };
        Scenario = new Scenario
        {
            Name = "Main line",
            Actions =
            [
                new SetVariableAction("language", "en"),
                new PlaySoundAction(Greeting.Id, Repeat: 2),
                new ConditionAction(
                    new ScheduleCondition("Europe/Paris", [new WeeklyHours([DayOfWeek.Monday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(17, 30))]) { Negate = true },
                    new SkipToOutcome(9)),
                new ConditionAction(new HolidayCondition("Europe/Paris", [new DateOnly(2026, 12, 25)]), new HangupOutcome()),
                new ConditionAction(new CallerNumberCondition("+4420*"), new ForwardOutcome("+442071234567")),
                new ConditionAction(new NoReadyAgentsCondition(Queue.Id), new GoToScenarioOutcome(Guid.CreateVersion7())),
                new ConditionAction(new QueueLoadCondition(Queue.Id, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: 120) { Negate = true }, new ContinueOutcome()),
                new ConditionAction(new VariableEqualsCondition("language", "fr"), new ContinueOutcome()),
                new QueueAction(Queue.Id, Priority: 3, MaxWaitSeconds: 60),
                new CallUserAction(Supervisor.Id, RingSeconds: 25),
                new AnswerAction(),
                new ForwardAction("sip:voicemail@pbx.example.com"),
                new HangupAction(),
            ],
        };
        Number = new InboundNumber { Number = "+14155550123", Label = "Sales line", ScenarioId = Scenario.Id };
        Carrier = new Trunk
        {
            Name = "Carrier",
            InboundAddresses = ["203.0.113.0/24", "2001:db8::1"],
            OutboundHost = "sip.carrier.example:5060",
            Registration = new TrunkRegistration("sip.carrier.example", "switchboard", "s3cret", 600),
        };
        InboundOnlyTrunk = new Trunk { Name = "Office PBX", InboundAddresses = ["192.0.2.10"] };
        Key = new DataProtectionKeyRecord { FriendlyName = "key-1", Xml = "<key id=\"1\" version=\"1\" />" };
    }

    public Sound Greeting { get; }

    public User Agent { get; }

    public User Supervisor { get; }

    public DistributionQueue Queue { get; }

    public Scenario Scenario { get; }

    public InboundNumber Number { get; }

    public Trunk Carrier { get; }

    public Trunk InboundOnlyTrunk { get; }

    public DataProtectionKeyRecord Key { get; }

    public async Task SaveAsync(TestStorage storage)
    {
        await using var context = storage.CreateContext();
        context.Sounds.Add(Greeting);
        context.Users.AddRange(Agent, Supervisor);
        context.Queues.Add(Queue);
        context.Scenarios.Add(Scenario);
        context.Numbers.Add(Number);
        context.Trunks.AddRange(Carrier, InboundOnlyTrunk);
        context.DataProtectionKeys.Add(Key);
        await context.SaveChangesAsync();
    }
}
