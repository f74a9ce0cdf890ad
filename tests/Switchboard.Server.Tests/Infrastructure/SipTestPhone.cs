using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Headers;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A hand-driven SIP phone on a UDP socket of 127.0.0.1: sends REGISTERs and INVITEs to the server, answers
/// challenges with digest (or with whatever a test writes), and reads the final answer to each request.
/// </summary>
public sealed class SipTestPhone : IDisposable
{
    // Only a guard so that a broken test ends; no assertion depends on how long anything takes.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;
    private readonly byte[] _buffer = new byte[65_535];
    private int _sequence;

    /// <param name="address">Another loopback address (127.0.0.2) makes another source address for the server.</param>
    public SipTestPhone(IPEndPoint server, string address = "127.0.0.1")
    {
        _server = server;
        _socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        Address = address;
    }

    public string Address { get; }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public string Realm { get; init; } = "switchboard";

    public SipRequest Register(string user, string contactUser = "", int expires = 600)
    {
        var request = NewRequest("REGISTER", $"sip:{Realm}", user, $"sip:{user}@{Realm}");
        request.Headers.Add("Contact", $"<sip:{(contactUser.Length > 0 ? contactUser : user)}@{Address}:{Port}>");
        request.Headers.Add("Expires", expires.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    public SipRequest Invite(string from, string dialled)
    {
        var request = NewRequest("INVITE", $"sip:{dialled}@127.0.0.1", from, $"sip:{dialled}@127.0.0.1");
        request.Headers.Add("Contact", $"<sip:{from}@{Address}:{Port}>");
        return request;
    }

    /// <summary>Sends the request with a new branch and returns its final response (acknowledging a non-2xx to an INVITE).</summary>
    public async Task<SipResponse> SendAsync(SipRequest request, CancellationToken cancellationToken)
    {
        var branch = $"z9hG4bKphone{Interlocked.Increment(ref _sequence)}x{Port}";
        var copy = Copy(request, skip: SipHeaderNames.Via);
        copy.Headers.Add("Via", $"SIP/2.0/UDP {Address}:{Port};branch={branch};rport");
        return await SendPreparedAsync(copy, branch, cancellationToken);
    }

    /// <summary>Answers <paramref name="challenge"/> with the credentials, as a phone does (qop=auth, nc=1).</summary>
    public static SipRequest Answer(SipRequest request, SipResponse challenge, string user, string password)
    {
        Assert.True(DigestClient.TryCreateAuthorizedRetry(request, challenge, user, password, out var retry),
            $"The {challenge.StatusCode} offered no digest challenge a phone can answer.");
        return retry;
    }

    /// <summary>Sends the request, answers the challenge with the credentials and returns the final answer to that.</summary>
    public async Task<SipResponse> SendAuthenticatedAsync(SipRequest request, string user, string password, CancellationToken cancellationToken)
    {
        var challenge = await SendAsync(request, cancellationToken);
        Assert.True(challenge.StatusCode is 401 or 407, $"Expected a challenge, got {challenge.StatusCode} {Phrase(challenge)}.");
        return await SendAsync(Answer(request, challenge, user, password), cancellationToken);
    }

    public static string Phrase(SipResponse response) => Encoding.UTF8.GetString(response.ReasonPhrase.Span);

    public static string? Header(SipMessage message, string name) =>
        message.Headers.TryGetValue(Encoding.UTF8.GetBytes(name), out var value) ? Encoding.UTF8.GetString(value.Span) : null;

    public void Dispose() => _socket.Dispose();

    private SipRequest NewRequest(string method, string uri, string fromUser, string to)
    {
        var request = new SipRequest(method, uri);
        var n = Interlocked.Increment(ref _sequence);
        request.Headers.Add("Max-Forwards", "70");
        request.Headers.Add("From", $"<sip:{fromUser}@{Realm}>;tag=phone{n}");
        request.Headers.Add("To", $"<{to}>");
        request.Headers.Add("Call-ID", $"call{n}-{Port}@127.0.0.1");
        request.Headers.Add("CSeq", $"1 {method}");
        request.Headers.Add("Content-Length", "0");
        return request;
    }

    private async Task<SipResponse> SendPreparedAsync(SipRequest request, string branch, CancellationToken cancellationToken)
    {
        await _socket.SendToAsync(SipMessageWriter.ToArray(request), SocketFlags.None, _server, cancellationToken);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(Guard);
        while (true)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(_buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), guard.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No final answer to {request} within {Guard.TotalSeconds} s.");
            }
            Assert.True(SipMessageParser.TryParse(_buffer.AsSpan(0, result.ReceivedBytes), out var message, out var error), error.Reason);
            // Retransmitted answers to earlier requests and provisional answers are not what is waited for.
            if (message is not SipResponse response || response.StatusCode < 200 || !response.TryGetVias(out var vias)
                || Encoding.UTF8.GetString(vias[0].Branch.Span) != branch)
            {
                continue;
            }
            if (request.IsMethod("INVITE"u8) && response.StatusCode >= 300)
                await AcknowledgeAsync(request, response, branch, cancellationToken);
            return response;
        }
    }

    /// <summary>The ACK of a non-2xx final answer to an INVITE (RFC 3261 §17.1.1.3), so the server stops repeating it.</summary>
    private async Task AcknowledgeAsync(SipRequest invite, SipResponse response, string branch, CancellationToken cancellationToken)
    {
        var ack = new SipRequest("ACK", Encoding.UTF8.GetString(invite.RequestUri.Span));
        ack.Headers.Add("Via", $"SIP/2.0/UDP {Address}:{Port};branch={branch};rport");
        ack.Headers.Add("Max-Forwards", "70");
        ack.Headers.Add("From", Header(invite, "From")!);
        ack.Headers.Add("To", Header(response, "To")!);
        ack.Headers.Add("Call-ID", Header(invite, "Call-ID")!);
        invite.TryGetCSeq(out var cseq);
        ack.Headers.Add("CSeq", $"{cseq.Number} ACK");
        ack.Headers.Add("Content-Length", "0");
        await _socket.SendToAsync(SipMessageWriter.ToArray(ack), SocketFlags.None, _server, cancellationToken);
    }

    private static SipRequest Copy(SipRequest request, ReadOnlySpan<byte> skip)
    {
        var copy = new SipRequest(request.Method.Span, request.RequestUri.Span);
        foreach (var header in request.Headers)
        {
            if (!header.HasName(skip))
                copy.Headers.Add(header);
        }
        copy.Body = request.Body;
        return copy;
    }
}
