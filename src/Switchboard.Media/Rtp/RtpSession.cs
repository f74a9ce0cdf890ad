using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Switchboard.Media.WebRtc;

namespace Switchboard.Media.Rtp;

/// <summary>
/// One leg's RTP and RTCP over a UDP socket pair leased from the port pool. Receives on one async
/// loop per socket into one pre-allocated buffer each; sends from one pre-allocated buffer; so steady
/// state allocates nothing per packet. Takes packets only from the leg's peer and sends to it: the
/// signalled address, or where a proven stream comes from behind NAT (see <see cref="RtpSourceLatch"/>);
/// a datagram whose handling throws is dropped and logged, never the end of the loop. Reports every
/// <see cref="ReportInterval"/> over RTCP. A WebRTC leg (<see cref="UseWebRtc"/>) carries STUN, DTLS,
/// SRTP and SRTCP on the RTP socket alone; its media takes the same paths once unprotected, and a new
/// browser session (a reloaded page) may take it over with a channel of its own.
/// </summary>
public sealed class RtpSession : IAsyncDisposable
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(5);

    private const int MaximumBindAttempts = 16;

    /// <summary>How long closing waits for the receive loops to read their wake-up before closing the sockets under them.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    private readonly Socket _rtpSocket;
    private readonly Socket _rtcpSocket;
    private readonly RtpPortLease _lease;
    private readonly TimeProvider _time;
    private readonly RtpLog _log;
    private readonly byte[] _rtpReceiveBuffer = GC.AllocateArray<byte>(RtpHeader.MaximumPacketSize, pinned: true);
    private readonly byte[] _rtcpReceiveBuffer = GC.AllocateArray<byte>(RtpHeader.MaximumPacketSize, pinned: true);
    private readonly byte[] _sendBuffer = GC.AllocateArray<byte>(RtpHeader.MaximumPacketSize, pinned: true);
    private readonly byte[] _reportBuffer = new byte[RtpHeader.MaximumPacketSize];
    private readonly SocketAddress _rtpSource;
    private readonly SocketAddress _rtcpSource;
    private readonly Lock _sendLock = new();
    private readonly Lock _reportLock = new();
    private readonly RtpReception _reception = new();
    private readonly DtmfDetector _dtmfDetector = new();
    private readonly Channel<char> _digits = Channel.CreateUnbounded<char>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    // Channels a new browser session replaced: the receive loop disposes them before it reads its next datagram.
    private readonly ConcurrentQueue<WebRtcMediaChannel> _replacedChannels = new();
    private readonly byte[] _cname;
    private Task _running = Task.CompletedTask;
    private ITimer? _reportTimer;
    private RtpSourceLatch _latch = RtpSourceLatch.Unconnected();
    private RtpMediaFormat? _format;
    private IRtpPacketSink? _packetSink;
    private long _lastSendTimestamp;
    private long _lastReceiveTimestamp;
    private long _packetsIgnored;
    private long _reportsSent;
    private long _reportsReceived;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private RtcpReportBlock? _peerReport;
    private SrtpTransmitter? _secure;
    private SocketAddress? _secureSourceAddress;
    private IPEndPoint? _secureSource;
    private int _disposed;

    private RtpSession(Socket rtpSocket, Socket rtcpSocket, RtpPortLease lease, RtpLog log, TimeProvider time)
    {
        _log = log;
        _rtpSocket = rtpSocket;
        _rtcpSocket = rtcpSocket;
        _lease = lease;
        _time = time;
        _rtpSource = new SocketAddress(rtpSocket.AddressFamily, SocketAddress.GetMaximumAddressSize(rtpSocket.AddressFamily));
        _rtcpSource = new SocketAddress(rtcpSocket.AddressFamily, SocketAddress.GetMaximumAddressSize(rtcpSocket.AddressFamily));
        LocalRtpEndPoint = (IPEndPoint)rtpSocket.LocalEndPoint!;
        LocalRtcpEndPoint = (IPEndPoint)rtcpSocket.LocalEndPoint!;
        Outbound = RtpStream.CreateRandom();
        _lastReceiveTimestamp = time.GetTimestamp();
        _cname = Encoding.ASCII.GetBytes($"{Outbound.Ssrc:x8}@switchboard");
    }

    /// <summary>The peer pressed a key (RFC 4733). Raised in order, off the receive loop.</summary>
    public event EventHandler<DtmfDigitEventArgs>? DigitReceived;

    public IPEndPoint LocalRtpEndPoint { get; }

    public IPEndPoint LocalRtcpEndPoint { get; }

    /// <summary>Our stream on this leg; a bridge stamps the packets it relays here.</summary>
    public RtpStream Outbound { get; }

    /// <summary>What was negotiated for this leg, once <see cref="Connect"/> was called.</summary>
    public RtpMediaFormat? Format => Volatile.Read(ref _format);

    /// <summary>
    /// Where our RTP goes now: to the SDP's address, or where the peer's packets come from once a source
    /// passed probation (see <see cref="RtpSourceLatch"/>); on a WebRTC leg, where ICE found the browser.
    /// </summary>
    public IPEndPoint? RemoteRtpEndPoint => Secure is { } secure ? secure.Channel.Ice.RemoteEndPoint : ToEndPoint(Latch.RtpDestination);

    /// <summary>Where our RTCP goes; on a WebRTC leg the same as RTP (rtcp-mux).</summary>
    public IPEndPoint? RemoteRtcpEndPoint => Secure is { } secure ? secure.Channel.Ice.RemoteEndPoint : ToEndPoint(Latch.RtcpDestination);

    /// <summary>
    /// How long since the last RTP packet this leg accepted (from its peer, after the source and, on a
    /// WebRTC leg, SRTP checks), or since <see cref="Start"/> when none has arrived yet: what a
    /// media-inactivity timeout reads. Strangers' packets and RTCP do not count.
    /// </summary>
    public TimeSpan SinceLastReceived => _time.GetElapsedTime(Volatile.Read(ref _lastReceiveTimestamp));

    /// <summary>Who gets every accepted packet; see <see cref="IRtpPacketSink"/> for the rules.</summary>
    public IRtpPacketSink? PacketSink
    {
        get => Volatile.Read(ref _packetSink);
        set => Volatile.Write(ref _packetSink, value);
    }

    public RtpSessionStatistics Statistics
    {
        get
        {
            RtcpReportBlock? peerReport;
            lock (_reportLock)
            {
                peerReport = _peerReport;
            }

            return new RtpSessionStatistics(
                Outbound.PacketsSent,
                Outbound.OctetsSent,
                _reception.PacketsReceived,
                _reception.OctetsReceived,
                _reception.PacketsLost,
                Interlocked.Read(ref _packetsIgnored),
                Interlocked.Read(ref _reportsSent),
                Interlocked.Read(ref _reportsReceived),
                peerReport);
        }
    }

    /// <summary>
    /// Binds a new session on <paramref name="localAddress"/> to a port pair from <paramref name="ports"/>,
    /// skipping pairs another program holds. Call <see cref="Start"/> once its sink and events are attached.
    /// </summary>
    public static RtpSession Open(RtpPortPool ports, IPAddress localAddress, TimeProvider time)
    {
        for (var attempt = 0; attempt < MaximumBindAttempts; attempt++)
        {
            if (!ports.TryRent(out var lease))
            {
                throw new InvalidOperationException($"no free RTP port in {ports.MinimumPort}-{ports.MaximumPort}: all {ports.Capacity} pairs are in use");
            }

            var rtp = new Socket(localAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var rtcp = new Socket(localAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                rtp.Bind(new IPEndPoint(localAddress, lease.RtpPort));
                rtcp.Bind(new IPEndPoint(localAddress, lease.RtcpPort));
                return new RtpSession(rtp, rtcp, lease, ports.Log, time);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                ports.Log.PortTaken(lease.RtpPort);
                rtp.Dispose();
                rtcp.Dispose();
                lease.Dispose();
            }
        }

        throw new InvalidOperationException($"{MaximumBindAttempts} RTP port pairs in a row were taken by other programs");
    }

    /// <summary>
    /// Makes this a WebRTC leg, before <see cref="Start"/>: every datagram on the RTP socket goes through
    /// <paramref name="channel"/> (STUN answered, DTLS fed, SRTP and SRTCP unprotected), and everything we
    /// send is protected and goes where ICE found the browser, RTCP included (rtcp-mux): the RTCP socket
    /// keeps its port leased and stays silent. Nothing is sent until the DTLS handshake gave keys. The
    /// session disposes the channel.
    /// </summary>
    /// <remarks>
    /// On a WebRTC leg, started or not, <paramref name="channel"/> replaces the channel in use: a new browser
    /// session (the agent's page reloaded) takes the leg over with its own ICE credentials and DTLS
    /// association, and the SRTP state starts anew with its keys. The old channel protects nothing from
    /// then on, its browser's packets no longer authenticate, and it is disposed once no packet uses it.
    /// </remarks>
    public void UseWebRtc(WebRtcMediaChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_reportTimer is not null && Secure is null)
        {
            throw new InvalidOperationException("a plain RTP session that has started cannot become a WebRTC leg");
        }

        if (Interlocked.Exchange(ref _secure, new SrtpTransmitter(channel, _rtpSocket, LocalRtpEndPoint.Port, _log)) is { } replaced)
        {
            // Waits for a packet being protected with the old keys; the receive loop lets the channel go.
            replaced.Retire();
            _replacedChannels.Enqueue(replaced.Channel);
        }
    }

    /// <summary>
    /// Sends <paramref name="datagram"/> as it is from the RTP socket: the WebRTC channel's STUN answers and
    /// DTLS flights (it is the channel's <see cref="WebRtcDatagramSender"/>). Never throws.
    /// </summary>
    public void SendDatagram(ReadOnlySpan<byte> datagram, IPEndPoint destination)
    {
        try
        {
            _rtpSocket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // DTLS retransmits its flights and the browser repeats its checks.
            _log.NotSent(LocalRtpEndPoint.Port, exception);
        }
    }

    /// <summary>
    /// Sets where to send, from the peer's SDP, and the negotiated format; called again on re-INVITE.
    /// A null <paramref name="remoteRtp"/> (the peer holds with c=0.0.0.0) stops sending. A WebRTC leg
    /// takes only the format (pass null end points): ICE decides where its media goes.
    /// </summary>
    public void Connect(IPEndPoint? remoteRtp, IPEndPoint? remoteRtcp, RtpMediaFormat format)
    {
        Volatile.Write(ref _format, format);
        if (Secure is not null)
        {
            return;
        }

        Volatile.Write(ref _latch, Latch.Reconnect(remoteRtp, remoteRtcp));
    }

    /// <summary>Starts receiving and reporting.</summary>
    public void Start()
    {
        if (_reportTimer is not null)
        {
            throw new InvalidOperationException("the session is already started");
        }

        Volatile.Write(ref _lastReceiveTimestamp, _time.GetTimestamp());
        _running = Task.WhenAll(
            ReceiveAsync(_rtpSocket, _rtpReceiveBuffer, _rtpSource, isRtcp: false),
            Secure is null ? ReceiveAsync(_rtcpSocket, _rtcpReceiveBuffer, _rtcpSource, isRtcp: true) : Task.CompletedTask,
            RaiseDigitsAsync());
        _reportTimer = _time.CreateTimer(static state => ((RtpSession)state!).SendReport(), this, ReportInterval, ReportInterval);
    }

    /// <summary>
    /// Sends <paramref name="payload"/>, encoded in the negotiated format, as the next packet of our
    /// stream; it stands for <paramref name="samples"/> samples. False when there is nowhere to send.
    /// </summary>
    public bool SendAudio(ReadOnlySpan<byte> payload, int samples, bool marker = false)
    {
        var format = Format ?? throw new InvalidOperationException("the session is not connected: call Connect first");
        if (!CanSend)
        {
            return false;
        }

        lock (_sendLock)
        {
            var header = Outbound.NextAudio(format.AudioPayloadType, payload.Length, samples, marker);
            return Transmit(_sendBuffer.AsSpan(0, RtpPacketWriter.Write(_sendBuffer, header, payload)));
        }
    }

    /// <summary>
    /// Sends one telephone-event packet (see <see cref="RtpStream.NextEvent"/>). False when the peer did
    /// not accept telephone events or there is nowhere to send.
    /// </summary>
    public bool SendEvent(in TelephoneEvent telephoneEvent, bool startOfEvent, int samplesElapsed)
    {
        var format = Format ?? throw new InvalidOperationException("the session is not connected: call Connect first");
        if (format.TelephoneEventPayloadType is not { } payloadType || !CanSend)
        {
            return false;
        }

        lock (_sendLock)
        {
            Span<byte> payload = stackalloc byte[TelephoneEvent.Size];
            telephoneEvent.Write(payload);
            var header = Outbound.NextEvent(payloadType, payload.Length, startOfEvent, samplesElapsed);
            return Transmit(_sendBuffer.AsSpan(0, RtpPacketWriter.Write(_sendBuffer, header, payload)));
        }
    }

    /// <summary>Sends a packet already stamped by <see cref="Outbound"/>, as a bridge does.</summary>
    public bool SendPacket(ReadOnlySpan<byte> packet) => Transmit(packet);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var started = _reportTimer is not null;
        if (_reportTimer is not null)
        {
            await _reportTimer.DisposeAsync().ConfigureAwait(false);
        }

        // Every loop ends without an exception on a normal close (a call's end is no error): the digits reader when
        // its channel completes, each receive loop at the empty datagram its socket sends itself. Only if one is lost
        // (a receive buffer full under load) does closing the sockets end a loop the exceptional way.
        _digits.Writer.TryComplete();
        if (started)
        {
            WakeReceiveLoop(_rtpSocket, LocalRtpEndPoint);
            if (Secure is null)
            {
                WakeReceiveLoop(_rtcpSocket, LocalRtcpEndPoint);
            }

            await Task.WhenAny(_running, Task.Delay(StopGrace, _time)).ConfigureAwait(false);
        }

        if (Secure is { } secure)
        {
            // The channel goes only once its loop ended, so its close_notify still had a socket.
            DisposeReplacedChannels();
            secure.Channel.Dispose();
        }

        _rtpSocket.Dispose();
        _rtcpSocket.Dispose();
        await _running.ConfigureAwait(false);
        _lease.Dispose();
    }

    /// <summary>Sends the socket an empty datagram from itself, which its receive loop reads as the session's end.</summary>
    private void WakeReceiveLoop(Socket socket, IPEndPoint local)
    {
        var self = local.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : local.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : local.Address;
        try
        {
            socket.SendTo([], SocketFlags.None, new IPEndPoint(self, local.Port));
        }
        catch (SocketException exception)
        {
            // The loop then ends when its socket closes.
            _log.NotSent(local.Port, exception);
        }
    }

    /// <summary>Whether a packet would leave now: a peer address (plain), or keys and the browser's consent (WebRTC).</summary>
    private bool CanSend => Secure is { } secure ? secure.IsReady : Latch.RtpDestination is not null;

    /// <summary>Whose packets a plain leg takes and where it sends; replaced by <see cref="Connect"/>.</summary>
    private RtpSourceLatch Latch => Volatile.Read(ref _latch);

    /// <summary>The sending half of a WebRTC leg, null on a plain one; replaced when a new browser session takes the leg over.</summary>
    private SrtpTransmitter? Secure => Volatile.Read(ref _secure);

    private bool Transmit(ReadOnlySpan<byte> packet)
    {
        if (Secure is { } secure)
        {
            if (!secure.SendRtp(packet))
            {
                return false;
            }

            Volatile.Write(ref _lastSendTimestamp, _time.GetTimestamp());
            return true;
        }

        if (Latch.RtpDestination is not { } destination)
        {
            return false;
        }

        try
        {
            _rtpSocket.SendTo(packet, SocketFlags.None, destination);
            Volatile.Write(ref _lastSendTimestamp, _time.GetTimestamp());
            return true;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // A lost datagram is what UDP promises anyway; the call goes on.
            _log.NotSent(LocalRtpEndPoint.Port, exception);
            return false;
        }
    }

    /// <summary>
    /// One loop per socket for the session's life: a single state machine, so awaiting the next
    /// datagram allocates nothing.
    /// </summary>
    private async Task ReceiveAsync(Socket socket, byte[] buffer, SocketAddress source, bool isRtcp)
    {
        var memory = buffer.AsMemory();
        while (true)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(memory, SocketFlags.None, source).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The session is closing: the socket went under the pending receive.
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
            {
                // The session is closing: the receive was aborted with its socket.
                return;
            }
            catch (SocketException exception)
            {
                // ICMP unreachable from an earlier send, an oversized datagram: nothing to stop the call for.
                _log.ReceiveError(isRtcp ? LocalRtcpEndPoint : LocalRtpEndPoint, exception);
                continue;
            }

            if (Volatile.Read(ref _disposed) != 0)
            {
                // The session is closing (the datagram is most likely the wake-up it sent itself).
                return;
            }

            try
            {
                OnDatagram(buffer.AsSpan(0, length), isRtcp);
            }
            catch (Exception exception)
            {
                // One datagram (or a sink it reached) must not end the leg's media: it is dropped.
                _log.DatagramFailed(isRtcp ? LocalRtcpEndPoint : LocalRtpEndPoint, source, exception);
            }
        }
    }

    private void OnDatagram(Span<byte> datagram, bool isRtcp)
    {
        if (isRtcp)
        {
            OnRtcp(datagram, fromPeer: Latch.IsPeerRtcp(_rtcpSource));
        }
        else if (Secure is { } secure)
        {
            // A replaced channel goes before the current one is read, so no datagram is ever given to a disposed one.
            DisposeReplacedChannels();
            OnWebRtcDatagram(secure.Channel, datagram);
        }
        else if (RtpPacket.TryParse(datagram, out var packet))
        {
            if (Latch.Handle(_rtpSource, packet.Header.Ssrc, packet.Header.SequenceNumber) == RtpSourceDecision.Accepted)
            {
                OnRtp(packet);
            }
            else
            {
                Interlocked.Increment(ref _packetsIgnored);
            }
        }
    }

    /// <summary>A packet from the peer: a plain leg's latched source, or any that SRTP authenticated on a WebRTC leg.</summary>
    private void OnRtp(in RtpPacket packet)
    {
        Volatile.Write(ref _lastReceiveTimestamp, _time.GetTimestamp());
        _reception.Record(packet.Header, packet.Payload.Length);
        if (Format?.TelephoneEventPayloadType == packet.Header.PayloadType
            && _dtmfDetector.TryDetect(packet.Header, packet.Payload, out var digit))
        {
            _digits.Writer.TryWrite(digit);
        }

        PacketSink?.OnPacket(this, packet);
    }

    /// <summary>
    /// The channel deals with STUN and DTLS itself and leaves plain RTP or RTCP in place of SRTP, which
    /// then goes the way of any leg's. What fails authentication or replay is ignored, as a stranger's
    /// packet is on a plain leg; SRTP proves the sender, so no address is latched: ICE alone decides
    /// where media goes, and only on checks that carry our MESSAGE-INTEGRITY.
    /// </summary>
    private void OnWebRtcDatagram(WebRtcMediaChannel channel, Span<byte> datagram)
    {
        var kind = channel.Receive(datagram, SecureSource(), out var plainLength);
        if (kind is not (WebRtcPacketKind.Rtp or WebRtcPacketKind.Rtcp))
        {
            return;
        }

        if (plainLength == 0)
        {
            Interlocked.Increment(ref _packetsIgnored);
        }
        else if (kind == WebRtcPacketKind.Rtp)
        {
            if (RtpPacket.TryParse(datagram[..plainLength], out var packet))
            {
                OnRtp(packet);
            }
        }
        else
        {
            OnRtcp(datagram[..plainLength], fromPeer: true);
        }
    }

    /// <summary>Disposes the channels new browser sessions replaced; only where no datagram is being handled.</summary>
    private void DisposeReplacedChannels()
    {
        while (_replacedChannels.TryDequeue(out var replaced))
        {
            replaced.Dispose();
        }
    }

    /// <summary>The last datagram's source as an end point, made anew only when the source changes (the receive loop's alone).</summary>
    private IPEndPoint SecureSource()
    {
        if (_secureSource is null || !_rtpSource.Equals(_secureSourceAddress))
        {
            _secureSourceAddress = new SocketAddress(_rtpSource.Family, _rtpSource.Size);
            _rtpSource.Buffer.Span[.._rtpSource.Size].CopyTo(_secureSourceAddress.Buffer.Span);
            _secureSource = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(_secureSourceAddress);
        }

        return _secureSource;
    }

    /// <summary>RTCP from anyone but the peer (<paramref name="fromPeer"/> false) is counted and dropped: it never moves where reports go.</summary>
    private void OnRtcp(ReadOnlySpan<byte> datagram, bool fromPeer)
    {
        if (!RtcpReader.TryRead(datagram, Outbound.Ssrc, out var report))
        {
            return;
        }

        if (!fromPeer)
        {
            Interlocked.Increment(ref _packetsIgnored);
            return;
        }

        Interlocked.Increment(ref _reportsReceived);
        lock (_reportLock)
        {
            if (report.SenderInfo is { } senderInfo)
            {
                _lastSenderReport = senderInfo.CompactNtpTimestamp;
                _lastSenderReportArrival = _time.GetTimestamp();
            }

            _peerReport = report.ReportAboutUs ?? _peerReport;
        }
    }

    private async Task RaiseDigitsAsync()
    {
        // Ends when the session closes and completes the channel.
        await foreach (var digit in _digits.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            DigitReceived?.Invoke(this, new DtmfDigitEventArgs(digit));
        }
    }

    private void SendReport()
    {
        var target = Latch.RtcpDestination;
        var secure = Secure;
        if (secure is not null ? !secure.IsReady : target is null)
        {
            return;
        }

        lock (_reportLock)
        {
            var now = _time.GetTimestamp();
            RtcpSenderInfo? senderInfo = null;
            if (Outbound.PacketsSent > 0)
            {
                // The media clock has moved on since the last packet by the time that has passed.
                var sinceLastSend = _time.GetElapsedTime(Volatile.Read(ref _lastSendTimestamp), now);
                senderInfo = new RtcpSenderInfo(
                    RtcpSenderInfo.ToNtpTimestamp(_time.GetUtcNow()),
                    Outbound.LastTimestamp + (uint)(sinceLastSend.Ticks * RtpMediaFormat.ClockRate / TimeSpan.TicksPerSecond),
                    (uint)Outbound.PacketsSent,
                    (uint)Outbound.OctetsSent);
            }

            var delaySinceLastSenderReport = _lastSenderReport == 0
                ? 0u
                : (uint)(_time.GetElapsedTime(_lastSenderReportArrival, now).Ticks * 65536 / TimeSpan.TicksPerSecond);
            var block = _reception.CreateReportBlock(_lastSenderReport, delaySinceLastSenderReport);
            var length = RtcpWriter.WriteReport(_reportBuffer, Outbound.Ssrc, senderInfo, block, _cname);
            if (secure?.SendRtcp(_reportBuffer.AsSpan(0, length)) ?? SendPlainReport(_reportBuffer.AsSpan(0, length), target!))
            {
                Interlocked.Increment(ref _reportsSent);
            }
        }
    }

    private bool SendPlainReport(ReadOnlySpan<byte> report, SocketAddress destination)
    {
        try
        {
            _rtcpSocket.SendTo(report, SocketFlags.None, destination);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The next report will try again.
            _log.NotSent(LocalRtcpEndPoint.Port, exception);
            return false;
        }
    }

    private static IPEndPoint? ToEndPoint(SocketAddress? address) =>
        address is null ? null : (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
}
