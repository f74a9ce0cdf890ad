using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.Testing.Fuzz;

/// <summary>
/// Sends mutated messages to a running endpoint over UDP and TCP, in batches, from 127.0.0.3 (an address that is no
/// trunk, as an attacker's); after each batch an OPTIONS must be answered over UDP (retransmitted as a client would)
/// and over a new TCP connection, both from 127.0.0.2, which the fuzzing did not make suspect, and the test's own
/// <paramref name="check"/> (null when all is well, else what failed) must pass. Counts the answers the fuzzing peers got, by status code. Inputs of a batch after
/// which the endpoint failed are kept in a folder to replay.
/// </summary>
public sealed partial class SipFuzzRun(IPEndPoint udpTarget, IPEndPoint tcpTarget, Func<CancellationToken, Task<string?>> check, FuzzSettings settings)
{
    private static readonly IPAddress FuzzingAddress = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress ProbingAddress = IPAddress.Parse("127.0.0.2");
    private const int TcpStreamsAtOnce = 32;
    private const int MaxDatagram = 65_507;
    private const int TcpStreamLength = 5;
    private static readonly TimeSpan ProbeGuard = TimeSpan.FromSeconds(10);
    private readonly Dictionary<int, int> _answers = [];
    private readonly List<string> _failures = [];

    /// <summary>Fuzzes <see cref="SipFuzzCorpus"/> until the settings' inputs or time are spent, or a probe fails.</summary>
    public async Task<FuzzReport> RunAsync(CancellationToken cancellationToken)
    {
        var corpus = SipFuzzCorpus.Load();
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(FuzzingAddress, 0));
        var udpPort = ((IPEndPoint)udp.LocalEndPoint!).Port;
        var udpMutator = new SipMutator(settings.Seed, [.. corpus.Select(message => PointTopViaAt(message, udpPort))]);
        var tcpMutator = new SipMutator(settings.Seed + 1, corpus);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var draining = DrainUdpAsync(udp, stop.Token);
        var clock = Stopwatch.StartNew();
        var streams = new List<Task>();
        using var streamSlots = new SemaphoreSlim(TcpStreamsAtOnce);
        int udpInputs = 0, tcpInputs = 0, probes = 0;
        while (udpInputs + tcpInputs < settings.Inputs && clock.Elapsed < settings.TimeBudget && _failures.Count == 0)
        {
            var batch = new List<(string Transport, byte[] Input)>();
            for (var i = 0; i < settings.ProbeEvery && udpInputs + tcpInputs < settings.Inputs; i++)
            {
                // Four of five inputs over UDP, where they are cheapest; the rest on short TCP streams of five, several at once.
                if (i % 24 < 19)
                {
                    // A datagram holds at most 65,507 bytes; a longer input is cut there, as the sender's kernel would refuse it.
                    var input = udpMutator.Next();
                    if (input.Length > MaxDatagram)
                        input = input[..MaxDatagram];
                    batch.Add(("udp", input));
                    await udp.SendToAsync(input, SocketFlags.None, udpTarget, cancellationToken);
                    udpInputs++;
                }
                else
                {
                    var inputs = Enumerable.Range(0, TcpStreamLength).Select(_ => tcpMutator.Next()).ToList();
                    batch.AddRange(inputs.Select(input => ("tcp", input)));
                    await streamSlots.WaitAsync(cancellationToken);
                    streams.Add(SendOverTcpAsync(inputs, streamSlots, cancellationToken));
                    tcpInputs += inputs.Count;
                    i += inputs.Count - 1;
                }
            }
            probes++;
            await ProbeAsync(batch, probes, cancellationToken);
        }
        await Task.WhenAll(streams);
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await draining;
        lock (_answers)
            return new FuzzReport(settings.Seed, udpInputs, tcpInputs, probes, seconds, new SortedDictionary<int, int>(_answers), [.. _failures]);
    }

    /// <summary>The first Via points at the fuzzing socket with rport, so that answers come back to it and nowhere else.</summary>
    private static byte[] PointTopViaAt(byte[] message, int port)
    {
        var text = Encoding.Latin1.GetString(message);
        return Encoding.Latin1.GetBytes(TopVia().Replace(text, $"$1: SIP/2.0/UDP {FuzzingAddress}:{port};rport", 1));
    }

    private async Task SendOverTcpAsync(List<byte[]> inputs, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(FuzzingAddress, 0));
            await socket.ConnectAsync(tcpTarget, cancellationToken);
            foreach (var input in inputs)
                await socket.SendAsync(input, SocketFlags.None, cancellationToken);
            // Read what comes back until the server closes (the stream may have lost its framing) or goes quiet.
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(TimeSpan.FromSeconds(3));
            var buffer = new byte[65_536];
            var received = new StringBuilder();
            try
            {
                int read;
                while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, quiet.Token)) > 0)
                {
                    received.Append(Encoding.Latin1.GetString(buffer, 0, read));
                    quiet.CancelAfter(TimeSpan.FromMilliseconds(200));
                }
            }
            finally
            {
                Count(received.ToString());
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Refused, reset or quiet: the server decides what a stream of garbage gets.
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task DrainUdpAsync(Socket udp, CancellationToken cancellationToken)
    {
        var buffer = new byte[65_536];
        try
        {
            while (true)
            {
                var result = await udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellationToken);
                Count(Encoding.Latin1.GetString(buffer, 0, result.ReceivedBytes));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private void Count(string received)
    {
        foreach (Match status in StatusLine().Matches(received))
        {
            var code = int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture);
            lock (_answers)
                _answers[code] = _answers.GetValueOrDefault(code) + 1;
        }
    }

    private async Task ProbeAsync(List<(string Transport, byte[] Input)> batch, int probe, CancellationToken cancellationToken)
    {
        var failure = await ProbeUdpAsync(probe, cancellationToken);
        failure ??= await ProbeTcpAsync(probe, cancellationToken);
        failure ??= await check(cancellationToken);
        if (failure is null)
            return;
        var folder = Directory.CreateTempSubdirectory("sip-fuzz-failure-");
        for (var i = 0; i < batch.Count; i++)
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, $"{i:D4}-{batch[i].Transport}.sip"), batch[i].Input, cancellationToken);
        _failures.Add($"after probe {probe} (seed {settings.Seed}): {failure}; the batch's inputs are in {folder.FullName}");
    }

    private async Task<string?> ProbeUdpAsync(int probe, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(ProbingAddress, 0));
        var branch = $"z9hG4bKprobe{probe}";
        var options = Options(branch, "UDP", ((IPEndPoint)socket.LocalEndPoint!).Port);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(ProbeGuard);
        var answered = AwaitUdpAnswerAsync(socket, branch, guard.Token);
        // Retransmitted at T1 intervals as a client would: a datagram may be lost in a burst, the endpoint may not.
        for (var attempt = 0; attempt < 20 && !answered.IsCompleted; attempt++)
        {
            await socket.SendToAsync(options, SocketFlags.None, udpTarget, cancellationToken);
            await Task.WhenAny(answered, Task.Delay(500, cancellationToken));
        }
        return await answered ? null : "OPTIONS over UDP was not answered";
    }

    private static async Task<bool> AwaitUdpAnswerAsync(Socket socket, string branch, CancellationToken cancellationToken)
    {
        var buffer = new byte[65_536];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellationToken);
                if (IsOkFor(Encoding.Latin1.GetString(buffer, 0, result.ReceivedBytes), branch))
                    return true;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException)
        {
            return false;
        }
    }

    private async Task<string?> ProbeTcpAsync(int probe, CancellationToken cancellationToken)
    {
        var branch = $"z9hG4bKtcpprobe{probe}";
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(ProbeGuard);
        var received = new StringBuilder();
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(ProbingAddress, 0));
            await socket.ConnectAsync(tcpTarget, guard.Token);
            await socket.SendAsync(Options(branch, "TCP", ((IPEndPoint)socket.LocalEndPoint!).Port), SocketFlags.None, guard.Token);
            var buffer = new byte[65_536];
            // The answer has no body: it is whole once its header ends.
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token);
                if (read == 0)
                    return $"OPTIONS over TCP: the connection was closed after \"{received}\"";
                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
            return IsOkFor(received.ToString(), branch) ? null : $"OPTIONS over TCP got {received.ToString().Split('\r')[0]}";
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return $"OPTIONS over TCP failed: {exception.Message} (received \"{received}\")";
        }
    }

    private static bool IsOkFor(string answer, string branch) =>
        answer.StartsWith("SIP/2.0 200 ", StringComparison.Ordinal) && answer.Contains(branch, StringComparison.Ordinal);

    private static byte[] Options(string branch, string transport, int port) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:service@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} {ProbingAddress}:{port};branch={branch};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:probe@{ProbingAddress}>;tag=probe\r\nTo: <sip:service@127.0.0.1>\r\nCall-ID: {branch}@{ProbingAddress}\r\nCSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n\r\n");

    [GeneratedRegex(@"(?im)^(via|v)[ \t]*:[ \t]*SIP[ \t]*/[ \t]*2\.0[ \t]*/[ \t]*[a-z]+[ \t]+[^;,\r\n]+")]
    private static partial Regex TopVia();

    [GeneratedRegex(@"(?m)^SIP/2\.0 (\d{3}) ")]
    private static partial Regex StatusLine();
}
