using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Media.Playback;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A fault nobody foresaw, injected through a port production uses (a call observer, the telephony directory), must
/// end the call it happens in cleanly: every leg hears a BYE or a final response, the ports go back, the ACD
/// learns the call ended, and the call is recorded with the error.
/// </summary>
public sealed class CallFaultTests
{
    private const string Number = "+12025550100";

    [Fact]
    public async Task A_fault_inside_a_call_hangs_up_both_legs_frees_its_ports_and_leaves_the_agent_free_for_the_next_call()
    {
        var fault = new FaultOnFirstConnection();
        await using var server = new TelephonyServer(services => services.AddSingleton<ICallObserver>(fault));
        await server.AddTrunkAsync("127.0.0.1/32");
        var alice = await server.AddAgentAsync("alice", "alice-sip-1");
        var queue = await server.AddQueueAsync(new QueueInput("Support", WrapUpSeconds: 1, Members: [new QueueMember(alice, 1, 0)]));
        await server.AddNumberAsync(Number, new QueueAction(queue), new HangupAction());
        await using var deviceMedia = new RtpCounter(echo: true);
        await using var device = await server.ReadyDeviceAsync(alice, "alice", SippDeviceScenarios.AnswersUntilBye(deviceMedia.Port));
        await using var media = new RtpCounter(echo: true);
        using var callerDirectory = new TemporaryDirectory();

        var run = await Sipp.RunAsync(server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port), "u1", callerDirectory);
        var call = await server.Events.NextEndedAsync();
        var deviceRun = await PeerWait.WithinAsync(device.WaitAsync(), "the agent's device to be hung up", () => device.Output);

        // The caller and the agent's phone were each answered, then got a BYE.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(deviceRun.ExitCode == 0, deviceRun.ToString());
        Assert.Contains(nameof(InjectedFault), call.Detail, StringComparison.Ordinal);
        Assert.Equal(0, server.Telephony.LiveCallCount);
        Assert.Equal(server.Telephony.Ports.Capacity, server.Telephony.Ports.Available);
        var record = Assert.Single(await server.CallRecordsAsync());
        Assert.Contains(nameof(InjectedFault), record.Detail, StringComparison.Ordinal);
        // The agent is not left reserved: after wrap-up the ACD offers them the next call.
        await server.AgentBecomesAsync(alice, agent => agent is { Activity: AgentActivity.Idle, Status: AgentStatus.Ready, OfferId: null });
        using var nextDirectory = new TemporaryDirectory();
        await using var nextMedia = new RtpCounter(echo: false);
        await using var next = await Sipp.StartAsync(server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp("12025550100", nextMedia.Port), "u1",
            FreePort.Find(), nextDirectory);
        await server.Events.WaitForAsync<UserRinging>(ringing => ringing.UserId == alice && ringing.CallId != call.CallId);
    }

    [Fact]
    public async Task A_fault_while_admitting_an_invite_answers_500_instead_of_leaving_the_caller_with_100_trying()
    {
        await using var server = new TelephonyServer(services => services.Replace(ServiceDescriptor.Singleton<ITelephonyDirectory, NumbersFail>()));
        using var directory = new TemporaryDirectory();
        await using var media = new RtpCounter(echo: false);

        var run = await Sipp.RunAsync(server.SipEndPoint, SippScenarios.CallRefused("12025550100", media.Port, 500), "u1", directory);
        var call = await server.Events.NextEndedAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.Failed, call.Result);
        Assert.Contains(nameof(InjectedFault), call.Detail, StringComparison.Ordinal);
        Assert.Equal(server.Telephony.Ports.Capacity, server.Telephony.Ports.Available);
    }

    /// <summary>A fault of a kind the call's code knows nothing of.</summary>
    private sealed class InjectedFault(string message) : Exception(message);

    /// <summary>An observer with a bug: it throws when the first call connects an agent, inside that call's handling.</summary>
    private sealed class FaultOnFirstConnection : ICallObserver
    {
        private int _thrown;

        public void OnCallEvent(CallEvent callEvent)
        {
            if (callEvent is UserConnected && Interlocked.Exchange(ref _thrown, 1) == 0)
                throw new InjectedFault("the observer failed as the agent connected");
        }
    }

    /// <summary>A directory whose storage fails in a way nobody foresaw when the dialled number is looked up.</summary>
    private sealed class NumbersFail : ITelephonyDirectory
    {
        public InboundRoute? FindNumber(string e164) => throw new InjectedFault("the number lookup failed");

        public bool IsTrunkAddress(IPAddress address) => true;

        public UserPhone? FindUserPhone(Guid userId) => null;

        public string? FindOutboundHost() => null;

        public EncodedSound? FindSound(Guid soundId) => null;

        public EncodedSound? FindQueueMusic(Guid queueId) => null;
    }
}
