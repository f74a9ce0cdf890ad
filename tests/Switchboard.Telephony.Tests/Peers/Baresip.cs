using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Audio;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// baresip run headless as an agent's phone: bound to 127.0.0.1 on a free port, a WAV tone longer than any call as
/// its microphone (aufile), no speaker (aubridge), SIP tracing (-s) on stdout, and ctrl_tcp for commands.
/// </summary>
internal sealed class Baresip : IAsyncDisposable
{
    private readonly PeerProcess _process;
    private readonly int _controlPort;

    private Baresip(PeerProcess process, int controlPort)
    {
        _process = process;
        _controlPort = controlPort;
    }

    public string Output => _process.Output;

    /// <param name="account">An accounts line, e.g. &lt;sip:alice@127.0.0.1:5060;transport=udp&gt;;auth_pass=secret;answermode=auto.</param>
    public static async Task<Baresip> StartAsync(string account, TemporaryDirectory directory)
    {
        var port = FreePort.Find();
        var controlPort = FreePort.Find();
        var microphone = directory.File("microphone.wav");
        await File.WriteAllBytesAsync(microphone, Tone(TimeSpan.FromSeconds(60)));
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

            """));
        await File.WriteAllTextAsync(directory.File("accounts"), account + "\n");
        return new Baresip(PeerProcess.Start("baresip", ["-f", directory.Path, "-s"], directory.Path), controlPort);
    }

    public Task WaitForOutputAsync(string text) => _process.WaitForOutputAsync(text);

    /// <summary>Hangs up the current call, as the agent pressing the red button (ctrl_tcp, netstring JSON).</summary>
    public async Task HangUpAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _controlPort);
        var json = """{"command":"hangup","token":"test"}""";
        var netstring = Encoding.ASCII.GetBytes($"{json.Length}:{json},");
        var stream = client.GetStream();
        await stream.WriteAsync(netstring);
        // baresip answers every command with a netstring of its own; reading it means the hangup was done.
        var reply = new byte[512];
        Assert.True(await stream.ReadAsync(reply) > 0, Output);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static byte[] Tone(TimeSpan duration)
    {
        var samples = new short[(int)(duration.TotalSeconds * 8000)];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (short)(6000 * Math.Sin(2 * Math.PI * 660 * i / 8000.0));
        return WavFile.WritePcm16Mono(samples, 8000);
    }
}
