using System.Net;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Peers;

public class SippOptionsTests : IAsyncLifetime
{
    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });

    public Task InitializeAsync() => _endpoint.StartAsync(CancellationToken.None);

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Sipp_options_gets_200_with_allow(string transport)
    {
        using var directory = new TemporaryDirectory();

        var run = await Sipp.RunAsync(_endpoint.UdpEndPoint!, SippScenarios.Options, transport, directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("SIP/2.0 200 OK", run.Messages, StringComparison.Ordinal);
        Assert.Contains("Allow: ACK, CANCEL, OPTIONS", run.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_udp_messages_from_sipp_get_400_or_are_dropped_while_another_sipp_is_answered()
    {
        using var malformedDirectory = new TemporaryDirectory();
        using var optionsDirectory = new TemporaryDirectory();

        var runs = await Task.WhenAll(
            Sipp.RunAsync(_endpoint.UdpEndPoint!, SippScenarios.MalformedOverUdp, "u1", malformedDirectory),
            Sipp.RunAsync(_endpoint.UdpEndPoint!, SippScenarios.Options, "u1", optionsDirectory));

        Assert.True(runs[0].ExitCode == 0, runs[0].ToString());
        Assert.Contains("SIP/2.0 400 Content-Length larger than the message", runs[0].Messages, StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 400 Bad Max-Forwards", runs[0].Messages, StringComparison.Ordinal);
        Assert.True(runs[1].ExitCode == 0, runs[1].ToString());
    }

    [Fact]
    public async Task A_tcp_connection_from_sipp_that_loses_sync_is_closed_while_other_connections_are_answered()
    {
        using var malformedDirectory = new TemporaryDirectory();
        using var optionsDirectory = new TemporaryDirectory();
        using var laterDirectory = new TemporaryDirectory();

        var runs = await Task.WhenAll(
            Sipp.RunAsync(_endpoint.TcpEndPoint!, SippScenarios.MalformedOverTcp, "t1", malformedDirectory),
            Sipp.RunAsync(_endpoint.TcpEndPoint!, SippScenarios.Options, "t1", optionsDirectory));
        var later = await Sipp.RunAsync(_endpoint.TcpEndPoint!, SippScenarios.Options, "t1", laterDirectory);

        // The framed but malformed request is answered; the unframeable bytes then cost sipp its connection.
        Assert.Contains("SIP/2.0 400 Bad Max-Forwards", runs[0].Messages, StringComparison.Ordinal);
        Assert.True(runs[1].ExitCode == 0, runs[1].ToString());
        Assert.True(later.ExitCode == 0, later.ToString());
    }
}
