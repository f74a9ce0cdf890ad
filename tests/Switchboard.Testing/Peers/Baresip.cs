using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Audio;
using Xunit;

namespace Switchboard.Testing.Peers;

/// <summary>
/// baresip run headless as a user's phone: bound to 127.0.0.1 on a free port, a WAV tone longer than any call as its
/// microphone (aufile), no speaker (aubridge), SIP tracing (-s) on stdout, and ctrl_tcp for commands.
/// </summary>
public sealed class Baresip : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly int _controlPort;

    private Baresip(PeerProcess process, int port, int controlPort)
    {
        _process = process;
        Port = port;
        _controlPort = controlPort;
    }

    /// <summary>The SIP port the phone listens and sends from.</summary>
    public int Port { get; }

    public string Output => _process.Output;

    /// <param name="account">An accounts line, e.g. &lt;sip:alice@127.0.0.1:5060;transport=udp&gt;;auth_pass=secret;answermode=auto.</param>
    public static async Task<Baresip> StartAsync(string account, TemporaryDirectory directory, CancellationToken cancellationToken = default)
    {
        var port = FreePort.Find();
        // Its own ctrl_tcp port: the default 4444 would be shared by phones of parallel tests.
        var controlPort = FreePort.FindOtherThan(port);
        var microphone = directory.File("microphone.wav");
        await File.WriteAllBytesAsync(microphone, Tone(TimeSpan.FromSeconds(60)), cancellationToken);
        await File.WriteAllTextAsync(directory.File("config"), string.Create(CultureInfo.InvariantCulture, $"""
            poll_method		epoll
            sip_listen		127.0.0.1:{port}
            net_interface		127.0.0.1
            audio_player		aubridge,nil
            audio_source		aufile,{microphone}
            audio_alert		aubridge,nil
            ctrl_tcp_listen		127.0.0.1:{controlPort}
            module_path		/usr/lib/baresip/modules
            module			g711.so
            module			aubridge.so
            module			aufile.so
            module_app		account.so
            module_app		menu.so
            module_app		ctrl_tcp.so

            """), cancellationToken);
        await File.WriteAllTextAsync(directory.File("accounts"), account + "\n", cancellationToken);
        return new Baresip(PeerProcess.Start("baresip", ["-f", directory.Path, "-s"], directory.Path), port, controlPort);
    }

    public Task WaitForOutputAsync(string text, CancellationToken cancellationToken = default) => _process.WaitForOutputAsync(text, cancellationToken);

    /// <summary>Places a call, as the user dialling on the phone.</summary>
    public Task DialAsync(string uri, CancellationToken cancellationToken = default) => CommandAsync("dial", uri, cancellationToken);

    /// <summary>Hangs up the current call, as the user pressing the red button.</summary>
    public Task HangUpAsync(CancellationToken cancellationToken = default) => CommandAsync("hangup", null, cancellationToken);

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>Sends one ctrl_tcp command (netstring JSON) and waits for its reply, which means it was carried out.</summary>
    private async Task CommandAsync(string command, string? parameters, CancellationToken cancellationToken)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(PeerWait.Guard);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, _controlPort, guard.Token);
            var json = parameters is null
                ? $$"""{"command":"{{command}}","token":"test"}"""
                : $$"""{"command":"{{command}}","params":"{{parameters}}","token":"test"}""";
            var netstring = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{json.Length}:{json},"));
            var stream = client.GetStream();
            await stream.WriteAsync(netstring, guard.Token);
            var reply = new byte[512];
            Assert.True(await stream.ReadAsync(reply, guard.Token) > 0, $"baresip closed ctrl_tcp without answering \"{command}\":\n{Output}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw PeerWait.Failure($"baresip's answer to \"{command}\" on ctrl_tcp port {_controlPort}", () => Output);
        }
    }

    private static byte[] Tone(TimeSpan duration)
    {
        var samples = new short[(int)(duration.TotalSeconds * 8000)];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * 660 * i / 8000.0));
        return WavFile.WritePcm16Mono(samples, 8000);
    }
}
