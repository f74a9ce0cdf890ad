using System.Net;
using System.Text;
using Switchboard.Media.WebRtc.Stun;

namespace Switchboard.Media.WebRtc.Ice;

/// <summary>
/// The lite side of ICE (RFC 8445 §2.5): it gathers only host candidates, never sends checks, and
/// answers the full agent's (the browser's) binding requests. Every valid check proves the path works,
/// and the request's source becomes where media goes: the nominated one (USE-CANDIDATE) once there is
/// one, the latest valid one before. Each valid check also renews consent (RFC 7675).
/// </summary>
public sealed class IceLiteAgent
{
    /// <summary>Large enough for any response the agent writes (an IPv6 success response is 80 bytes).</summary>
    public const int MaximumResponseLength = 128;

    /// <summary>Consent lapses when no valid check has arrived for this long (RFC 7675 §5.1).</summary>
    public static readonly TimeSpan ConsentTimeout = TimeSpan.FromSeconds(30);

    private readonly byte[] _expectedUsername;
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private IPEndPoint? _remoteEndPoint;
    private bool _nominated;
    private DateTimeOffset? _lastValidCheckAt;

    /// <param name="local">Our a=ice-ufrag and a=ice-pwd.</param>
    /// <param name="remoteUsernameFragment">The a=ice-ufrag of the peer's SDP.</param>
    /// <param name="time">The clock consent is measured on.</param>
    public IceLiteAgent(IceCredentials local, string remoteUsernameFragment, TimeProvider time)
    {
        LocalCredentials = local;
        _expectedUsername = Encoding.UTF8.GetBytes($"{local.UsernameFragment}:{remoteUsernameFragment}");
        _key = local.Key;
        _time = time;
    }

    public IceCredentials LocalCredentials { get; }

    /// <summary>Where media goes: null until a valid check has arrived.</summary>
    public IPEndPoint? RemoteEndPoint
    {
        get
        {
            lock (_lock)
            {
                return _remoteEndPoint;
            }
        }
    }

    /// <summary>True once the controlling agent has nominated a pair with USE-CANDIDATE.</summary>
    public bool IsNominated
    {
        get
        {
            lock (_lock)
            {
                return _nominated;
            }
        }
    }

    public DateTimeOffset? LastValidCheckAt
    {
        get
        {
            lock (_lock)
            {
                return _lastValidCheckAt;
            }
        }
    }

    /// <summary>True while a valid check arrived within <see cref="ConsentTimeout"/>: media may be sent.</summary>
    public bool HasConsent
    {
        get
        {
            lock (_lock)
            {
                return _lastValidCheckAt is { } at && _time.GetUtcNow() - at < ConsentTimeout;
            }
        }
    }

    /// <summary>
    /// Answers a STUN datagram from <paramref name="source"/>: writes the response to send back into
    /// <paramref name="response"/> (at least <see cref="MaximumResponseLength"/> bytes) and sets its
    /// length, which is 0 when nothing is to be sent.
    /// </summary>
    public IceCheckOutcome HandleStun(ReadOnlySpan<byte> datagram, IPEndPoint source, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        if (!StunMessage.TryParse(datagram, out var request)
            || request.Type != StunMessageType.BindingRequest
            || !request.HasValidFingerprint())
        {
            return IceCheckOutcome.Ignored;
        }

        if (!request.TryGetAttribute(StunAttributeType.Username, out var username)
            || !request.HasAttribute(StunAttributeType.MessageIntegrity)
            || !request.HasAttribute(StunAttributeType.Priority))
        {
            responseLength = WriteError(response, request.TransactionId, 400, "Bad Request");
            return IceCheckOutcome.BadRequest;
        }

        if (!username.SequenceEqual(_expectedUsername) || !request.HasValidMessageIntegrity(_key))
        {
            responseLength = WriteError(response, request.TransactionId, 401, "Unauthorized");
            return IceCheckOutcome.Unauthorized;
        }

        Accept(source, nominates: request.HasAttribute(StunAttributeType.UseCandidate));
        var writer = new StunMessageWriter(response, StunMessageType.BindingSuccessResponse, request.TransactionId);
        writer.AddXorMappedAddress(source);
        writer.AddMessageIntegrity(_key);
        writer.AddFingerprint();
        responseLength = writer.Length;
        return IceCheckOutcome.Accepted;
    }

    private void Accept(IPEndPoint source, bool nominates)
    {
        lock (_lock)
        {
            _lastValidCheckAt = _time.GetUtcNow();
            if (nominates || !_nominated)
            {
                _remoteEndPoint = source;
            }

            _nominated |= nominates;
        }
    }

    /// <summary>Error responses carry no MESSAGE-INTEGRITY: the request could not be authenticated (RFC 8489 §9.1.3).</summary>
    private static int WriteError(Span<byte> response, ReadOnlySpan<byte> transactionId, int code, string reason)
    {
        var writer = new StunMessageWriter(response, StunMessageType.BindingErrorResponse, transactionId);
        writer.AddErrorCode(code, reason);
        writer.AddFingerprint();
        return writer.Length;
    }
}
