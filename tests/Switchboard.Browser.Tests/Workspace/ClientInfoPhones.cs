using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Server.Hosting;
using Switchboard.Testing.Peers;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The phones of the Client info tests, played by sipp: a caller with a phone number who waits on the line until the
/// switchboard hangs up, and the agent's SIP phone (<see cref="SippDevice"/>), which registers, rings for a moment and
/// answers (so the agent needs no webphone).
/// </summary>
internal sealed class ClientInfoPhones(SwitchboardSite site)
{
    /// <summary>Where callers send from: a trunk's address, apart from the agent's phone on 127.0.0.1.</summary>
    public const string CallerAddress = "127.0.0.3";

    /// <summary>How long the agent's phone rings before it answers: long enough to see the tab of a ringing call.</summary>
    private const int RingMilliseconds = 2500;

    private IPEndPoint SipEndPoint =>
        new(IPAddress.Loopback, site.Server.Services.GetRequiredService<IOptions<SwitchboardOptions>>().Value.Sip.Port);

    /// <summary>
    /// Registers the agent's phone at <paramref name="port"/> and starts it for one call; returns once it listens. A
    /// phone started again for the next call uses the same port, so its registration replaces the one before.
    /// </summary>
    public Task<RunningSipp> AgentPhoneAsync(string sipUsername, int port, TemporaryDirectory directory) =>
        SippDevice.StartAsync(SipEndPoint, sipUsername, port, SippDeviceScenarios.AnswersUntilBye(FreePort.Find(), ringMilliseconds: RingMilliseconds), directory);

    /// <summary>Calls <paramref name="number"/> from <paramref name="callerUser"/> and stays until the switchboard hangs up.</summary>
    public Task<RunningSipp> CallAsync(string number, string callerUser, TemporaryDirectory directory) =>
        Sipp.StartAsync(SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp(number, FreePort.Find(), callerUser), "u1", FreePort.Find(), directory,
            localAddress: CallerAddress);
}
