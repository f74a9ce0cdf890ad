using System.Globalization;

namespace Switchboard.Sip.Tests.Peers;

/// <summary>
/// Starts baresip headless with its own configuration directory: bound to 127.0.0.1 on a free port, the aubridge
/// module standing in for audio devices, the account module reading one account, and SIP tracing (-s) on stdout.
/// </summary>
internal static class Baresip
{
    /// <param name="account">An accounts line, e.g. &lt;sip:alice@127.0.0.1:5060;transport=udp&gt;;auth_pass=secret;regint=600.</param>
    public static async Task<(PeerProcess Process, int Port)> StartAsync(string account, TemporaryDirectory directory)
    {
        var port = FreePort.Find();
        await File.WriteAllTextAsync(directory.File("config"), string.Create(CultureInfo.InvariantCulture, $"""
            poll_method		epoll
            sip_listen		127.0.0.1:{port}
            net_interface		127.0.0.1
            audio_player		aubridge,nil
            audio_source		aubridge,nil
            audio_alert		aubridge,nil
            module_path		/usr/lib/baresip/modules
            module			g711.so
            module			aubridge.so
            module_app		account.so

            """));
        await File.WriteAllTextAsync(directory.File("accounts"), account + "\n");
        return (PeerProcess.Start("baresip", ["-f", directory.Path, "-s"], directory.Path), port);
    }
}
