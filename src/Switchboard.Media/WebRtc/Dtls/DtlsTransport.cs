using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Switchboard.Media.WebRtc.Interop;
using Switchboard.Media.WebRtc.Srtp;

namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>
/// One DTLS-SRTP association (RFC 5763, RFC 5764) through OpenSSL over memory BIOs: datagrams from
/// the peer go in through <see cref="ReceiveDatagram"/>, datagrams for the peer come out through the
/// <see cref="DatagramSender"/>, and OpenSSL's retransmission timer runs on a <see cref="TimeProvider"/>
/// timer. The handshake ends with the peer's certificate matched against its SDP fingerprint and the
/// SRTP keys exported in <see cref="Handshake"/>. Safe to call from the receive loop and the timer at once.
/// </summary>
public sealed unsafe class DtlsTransport : IDisposable
{
    /// <summary>Records are sized and datagrams packed to fit this, leaving room for IP, UDP and TURN headers.</summary>
    public const int Mtu = 1200;

    private static ReadOnlySpan<byte> ExporterLabel => "EXTRACTOR-dtls_srtp"u8;

    private readonly DtlsContext _context;
    private readonly CertificateFingerprint _remoteFingerprint;
    private readonly DatagramSender _send;
    private readonly SslHandle _ssl;
    private readonly BioHandle _incoming;
    private readonly BioHandle _outgoing;
    private readonly GCHandle _self;
    private readonly ITimer _retransmissionTimer;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<SrtpKeyingMaterial> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _outgoingRecords = new byte[4 * Mtu];
    private DtlsTransportState _state;
    private SrtpKeyingMaterial? _keyingMaterial;
    private bool _peerCertificateMatched;
    private string? _refusal;
    private bool _disposed;

    /// <param name="context">Our certificate and role.</param>
    /// <param name="remoteFingerprint">The a=fingerprint of the peer's SDP; its certificate must match it.</param>
    /// <param name="send">Sends a datagram to the peer.</param>
    /// <param name="time">Drives the handshake's retransmissions.</param>
    public DtlsTransport(DtlsContext context, CertificateFingerprint remoteFingerprint, DatagramSender send, TimeProvider time)
    {
        _context = context;
        _remoteFingerprint = remoteFingerprint;
        _send = send;
        LibCrypto.ERR_clear_error();
        _ssl = LibSsl.SSL_new(context.Handle);
        _incoming = LibCrypto.BIO_new(LibCrypto.BIO_s_mem());
        _outgoing = LibCrypto.BIO_new(LibCrypto.BIO_s_mem());
        if (_ssl.IsInvalid || _incoming.IsInvalid || _outgoing.IsInvalid)
        {
            var reason = LibCrypto.TakeErrors();
            ReleaseNativeHandles();
            throw new InvalidOperationException($"OpenSSL could not create a DTLS association: {reason}");
        }

        // An empty memory BIO then means "nothing yet", not end of stream.
        LibCrypto.BIO_ctrl(_incoming, LibCrypto.BioSetBufferMemoryEofReturn, new CLong(-1), 0);

        // SSL_set_bio takes one reference to each; ours stay with our handles, so either side may free first.
        LibCrypto.BIO_up_ref(_incoming);
        LibCrypto.BIO_up_ref(_outgoing);
        LibSsl.SSL_set_bio(_ssl, _incoming, _outgoing);
        LibSsl.SSL_ctrl(_ssl, LibSsl.ControlSetMtu, new CLong(Mtu), 0);

        // Weak: the verify callback only runs inside our own calls, while we are alive.
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        LibSsl.SSL_set_ex_data(_ssl, LibSsl.AppDataIndex, GCHandle.ToIntPtr(_self));
        if (context.Role == DtlsRole.Server)
        {
            LibSsl.SSL_set_accept_state(_ssl);
        }
        else
        {
            LibSsl.SSL_set_connect_state(_ssl);
        }

        _retransmissionTimer = time.CreateTimer(
            static state => ((DtlsTransport)state!).OnRetransmissionTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public DtlsRole Role => _context.Role;

    public DtlsTransportState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// The SRTP keys once the handshake succeeds; faults with <see cref="DtlsHandshakeException"/> when it
    /// fails, and is cancelled when the transport is disposed first.
    /// </summary>
    public Task<SrtpKeyingMaterial> Handshake => _handshake.Task;

    /// <summary>The SRTP keys, for a caller on the receive path that cannot await: null until <see cref="DtlsTransportState.Connected"/>.</summary>
    public SrtpKeyingMaterial? KeyingMaterial
    {
        get
        {
            lock (_lock)
            {
                return _keyingMaterial;
            }
        }
    }

    /// <summary>Opens the association: a client sends its ClientHello; a server waits for one.</summary>
    public void Start()
    {
        List<byte[]> datagrams;
        lock (_lock)
        {
            if (_state != DtlsTransportState.New)
            {
                return;
            }

            _state = DtlsTransportState.Handshaking;
            datagrams = Advance();
        }

        Send(datagrams);
    }

    /// <summary>Hands OpenSSL one datagram the demultiplexer classified as DTLS.</summary>
    public void ReceiveDatagram(ReadOnlySpan<byte> datagram)
    {
        List<byte[]> datagrams;
        lock (_lock)
        {
            if (_state is DtlsTransportState.Failed or DtlsTransportState.Closed || datagram.IsEmpty)
            {
                return;
            }

            if (_state == DtlsTransportState.New)
            {
                _state = DtlsTransportState.Handshaking;
            }

            fixed (byte* data = datagram)
            {
                LibCrypto.BIO_write(_incoming, data, datagram.Length);
            }

            datagrams = Advance();
        }

        Send(datagrams);
    }

    /// <summary>Sends close_notify if connected, and frees the OpenSSL association.</summary>
    public void Dispose()
    {
        var datagrams = new List<byte[]>();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_state == DtlsTransportState.Connected)
            {
                LibCrypto.ERR_clear_error();
                LibSsl.SSL_shutdown(_ssl);
                datagrams = TakeOutgoingDatagrams();
            }

            _state = DtlsTransportState.Closed;
            _handshake.TrySetCanceled();
            _retransmissionTimer.Dispose();
            ReleaseNativeHandles();
            _self.Free();
        }

        Send(datagrams);
    }

    internal static DtlsTransport? FromSsl(nint ssl)
    {
        var data = LibSsl.SSL_get_ex_data(ssl, LibSsl.AppDataIndex);
        return data == 0 ? null : GCHandle.FromIntPtr(data).Target as DtlsTransport;
    }

    /// <summary>The fingerprint check, called by OpenSSL's verify callback while our lock is held.</summary>
    internal bool AcceptsPeerCertificate(nint certificate)
    {
        var length = LibCrypto.i2d_X509(certificate, null);
        if (length <= 0)
        {
            return false;
        }

        var der = new byte[length];
        fixed (byte* start = der)
        {
            var cursor = start;
            if (LibCrypto.i2d_X509(certificate, &cursor) != length)
            {
                return false;
            }
        }

        if (_remoteFingerprint.Matches(der))
        {
            _peerCertificateMatched = true;
            return true;
        }

        _refusal = $"the peer's certificate ({CertificateFingerprint.Sha256Of(der)}) does not match the a=fingerprint of its SDP ({_remoteFingerprint})";
        return false;
    }

    /// <summary>Lets OpenSSL act on what it has; returns what it wants sent. Runs under the lock.</summary>
    private List<byte[]> Advance()
    {
        LibCrypto.ERR_clear_error();
        if (_state == DtlsTransportState.Handshaking)
        {
            var result = LibSsl.SSL_do_handshake(_ssl);
            if (result == 1)
            {
                Complete();
            }
            else if (LibSsl.SSL_get_error(_ssl, result) is not (LibSsl.ErrorWantRead or LibSsl.ErrorWantWrite))
            {
                Fail(_refusal ?? $"the DTLS handshake failed: {LibCrypto.TakeErrors()}");
            }
        }
        else
        {
            ReadRecords();
        }

        var datagrams = TakeOutgoingDatagrams();
        ScheduleRetransmission();
        return datagrams;
    }

    private void Complete()
    {
        if (!_peerCertificateMatched)
        {
            Fail("the peer's certificate was never checked against its a=fingerprint");
            return;
        }

        var profile = LibSsl.SSL_get_selected_srtp_profile(_ssl);
        if (profile is null || profile->Id.Value != LibSsl.SrtpAes128CmSha1_80)
        {
            Fail("the peer did not agree on the SRTP_AES128_CM_SHA1_80 protection profile (use_srtp)");
            return;
        }

        Span<byte> exported = stackalloc byte[SrtpKeyingMaterial.Length];
        int exportedOk;
        fixed (byte* output = exported)
        fixed (byte* label = ExporterLabel)
        {
            exportedOk = LibSsl.SSL_export_keying_material(_ssl, output, (nuint)exported.Length, label, (nuint)ExporterLabel.Length, null, 0, 0);
        }

        if (exportedOk != 1)
        {
            Fail($"OpenSSL could not export the SRTP keying material: {LibCrypto.TakeErrors()}");
            return;
        }

        _state = DtlsTransportState.Connected;
        _keyingMaterial = new SrtpKeyingMaterial(exported);
        _handshake.TrySetResult(_keyingMaterial);
        CryptographicOperations.ZeroMemory(exported);
    }

    private void Fail(string reason)
    {
        _state = DtlsTransportState.Failed;
        _handshake.TrySetException(new DtlsHandshakeException(reason));
    }

    /// <summary>
    /// After the handshake, records still arrive: a retransmitted final flight (which OpenSSL answers by
    /// retransmitting ours) or close_notify. Application data has no use here (no data channel).
    /// </summary>
    private void ReadRecords()
    {
        var discard = stackalloc byte[Mtu];
        int result;
        while ((result = LibSsl.SSL_read(_ssl, discard, Mtu)) > 0)
        {
        }

        if (LibSsl.SSL_get_error(_ssl, result) is not (LibSsl.ErrorWantRead or LibSsl.ErrorWantWrite))
        {
            _state = DtlsTransportState.Closed;
        }
    }

    private List<byte[]> TakeOutgoingDatagrams()
    {
        var pending = (int)LibCrypto.BIO_ctrl_pending(_outgoing);
        if (pending == 0)
        {
            return [];
        }

        if (_outgoingRecords.Length < pending)
        {
            _outgoingRecords = new byte[pending];
        }

        int read;
        fixed (byte* buffer = _outgoingRecords)
        {
            read = LibCrypto.BIO_read(_outgoing, buffer, pending);
        }

        var records = _outgoingRecords.AsSpan(0, Math.Max(read, 0));
        var datagrams = new List<byte[]>();
        foreach (var range in DtlsDatagramPacker.Pack(records, Mtu))
        {
            datagrams.Add(records[range].ToArray());
        }

        return datagrams;
    }

    /// <summary>Arms our timer for when OpenSSL's own retransmission timer (DTLSv1_get_timeout) runs out.</summary>
    private void ScheduleRetransmission()
    {
        LibSsl.TimeValue remaining = default;
        var running = _state is DtlsTransportState.Handshaking or DtlsTransportState.Connected
            && LibSsl.SSL_ctrl(_ssl, LibSsl.ControlGetTimeout, new CLong(0), (nint)(&remaining)).Value == 1;
        _retransmissionTimer.Change(
            running ? TimeSpan.FromSeconds(remaining.Seconds.Value) + TimeSpan.FromMicroseconds(remaining.Microseconds.Value) : Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
    }

    private void OnRetransmissionTimer()
    {
        List<byte[]> datagrams;
        lock (_lock)
        {
            if (_state is not (DtlsTransportState.Handshaking or DtlsTransportState.Connected))
            {
                return;
            }

            LibCrypto.ERR_clear_error();
            if (LibSsl.SSL_ctrl(_ssl, LibSsl.ControlHandleTimeout, new CLong(0), 0).Value < 0)
            {
                Fail($"the peer stopped answering the DTLS handshake: {LibCrypto.TakeErrors()}");
            }

            datagrams = TakeOutgoingDatagrams();
            ScheduleRetransmission();
        }

        Send(datagrams);
    }

    private void Send(List<byte[]> datagrams)
    {
        foreach (var datagram in datagrams)
        {
            _send(datagram);
        }
    }

    private void ReleaseNativeHandles()
    {
        _ssl.Dispose();
        _incoming.Dispose();
        _outgoing.Dispose();
    }
}
