using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A SIP user agent's endpoint: UDP and TCP transports, the transaction layer and the UA core rules every request
/// meets before a handler sees it (RFC 3261 §8.2: 405, 482, 483, 420; OPTIONS and CANCEL answered here). The core
/// registers a handler per method, sends requests as client transactions and answers through server transactions.
/// </summary>
public sealed class SipEndpoint : ISipSender, IAsyncDisposable
{
    private static readonly string[] BuiltInMethods = ["ACK", "CANCEL", "OPTIONS"];

    private readonly SipEndpointOptions _options;
    private readonly Channel<SipReceivedMessage> _received;
    private readonly Dictionary<string, SipRequestHandler> _handlers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SipTransportLog _log;
    private readonly SipCoreLog _coreLog;
    private readonly SipMetrics _metrics;
    private readonly TimeProvider _time;
    private UdpSipTransport? _udp;
    private TcpSipTransport? _tcp;
    private Task _dispatching = Task.CompletedTask;
    private readonly string _branchPrefix = SipBranch.CreatePrefix();
    private string _host = "";
    // The Allow and Supported header values, written once rather than per response.
    private string _allow = string.Join(", ", BuiltInMethods);
    private readonly string _supported;
    private int _stopped;

    /// <param name="metrics">Where the endpoint counts messages and timeouts; without one, on the process-wide meter <see cref="SipMetrics.MeterName"/>.</param>
    public SipEndpoint(SipEndpointOptions options, TimeProvider? time = null, ILogger? logger = null, SipMetrics? metrics = null)
    {
        _options = options;
        _supported = string.Join(", ", options.SupportedExtensions);
        time ??= TimeProvider.System;
        _time = time;
        _log = logger is null ? SipTransportLog.None : new SipTransportLog(logger, time);
        _coreLog = logger is null ? SipCoreLog.None : new SipCoreLog(logger, time);
        _metrics = metrics ?? SipMetrics.Shared;
        _received = Channel.CreateBounded<SipReceivedMessage>(new BoundedChannelOptions(options.ReceiveQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        }, dropped =>
        {
            _metrics.Dropped(dropped.Source.Transport, SipDropReason.ReceiveQueueFull);
            _log.ReceiveQueueFull(dropped.Source);
        });
        Transactions = new SipTransactionLayer(this, time, options.Timers, _metrics);
        SuccessRetransmissions = new SuccessRetransmissions(this, time, options.Timers, _coreLog, _metrics);
        AckRepetition = new AckRepetition(this, time, options.Timers, _coreLog);
        Transactions.SuccessSent = (invite, response) => SuccessRetransmissions.Start(invite.Request, response, invite.Remote);
    }

    public SipTransactionLayer Transactions { get; }

    /// <summary>2xx responses to INVITEs being retransmitted until their ACK; its AckTimedOut tells the core to hang up.</summary>
    public SuccessRetransmissions SuccessRetransmissions { get; }

    private AckRepetition AckRepetition { get; }

    public IPEndPoint? UdpEndPoint => _udp?.LocalEndPoint;

    /// <summary>The UDP socket's receive buffer as the kernel granted it (see <see cref="SipEndpointOptions.UdpReceiveBufferBytes"/>).</summary>
    public int? UdpReceiveBufferBytes => _udp?.ReceiveBufferBytes;

    /// <summary>Open SIP TCP connections, accepted and opened.</summary>
    public int TcpConnectionCount => _tcp?.ConnectionCount ?? 0;

    public IPEndPoint? TcpEndPoint => _tcp?.LocalEndPoint;

    /// <summary>
    /// The listeners and the dispatcher that are not running although the endpoint was started and not stopped, by
    /// name ("UDP 0.0.0.0:5060"); empty while all receive. Each loop survives any single input, so a name here is a
    /// fault worth an alarm (the log says what ended it).
    /// </summary>
    public IReadOnlyList<string> StoppedListeners
    {
        get
        {
            if (_udp is null || _tcp is null || _stopping.IsCancellationRequested)
                return ["SIP (not started)"];
            var stopped = new List<string>();
            if (!_udp.IsReceiving)
                stopped.Add($"UDP {_udp.LocalEndPoint}");
            if (!_tcp.IsReceiving)
                stopped.Add($"TCP {_tcp.LocalEndPoint}");
            if (_dispatching.IsCompleted)
                stopped.Add("dispatcher");
            return stopped;
        }
    }

    /// <summary>The start of every branch this endpoint creates; a request carrying one in a Via has looped back here.</summary>
    public string BranchPrefix => _branchPrefix;

    /// <summary>ACKs for 2xx responses (end to end, outside any transaction, §13.3.1.4), in arrival order.</summary>
    public SipMessageHandler? AckReceived { get; set; }

    /// <summary>Responses that match no client transaction, including 2xx retransmissions this endpoint did not ACK yet.</summary>
    public SipMessageHandler? StrayResponseReceived { get; set; }

    /// <summary>The methods this endpoint accepts: those with a handler, and ACK, CANCEL, OPTIONS.</summary>
    public IReadOnlyList<string> AllowedMethods
    {
        get
        {
            lock (_handlers)
                return [.. BuiltInMethods.Union(_handlers.Keys).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Routes new requests of <paramref name="method"/> (INVITE, BYE, REGISTER, OPTIONS, UPDATE...) to a handler.</summary>
    public void Handle(string method, SipRequestHandler handler)
    {
        lock (_handlers)
            _handlers[method] = handler;
        _allow = string.Join(", ", AllowedMethods);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Port 0: UDP picks a free port and TCP takes the same one, so one address serves both; retry if it is taken.
        for (var attempt = 0; ; attempt++)
        {
            var udp = UdpSipTransport.Bind(new IPEndPoint(_options.Address, _options.Port), _received.Writer, _options.Limits, _options.UdpReceiveBufferBytes, _log, _metrics);
            try
            {
                _tcp = TcpSipTransport.Bind(udp.LocalEndPoint, _received.Writer, _options.Limits, _options.Tcp, _time, _log, _metrics);
                _udp = udp;
                break;
            }
            catch (SocketException) when (_options.Port == 0 && attempt < 20)
            {
                // The free UDP port's TCP twin is taken: another free port is tried, nothing went wrong.
                await udp.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await udp.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        // Bound to all addresses with none advertised, the host is chosen per peer (see LocalAddressFor).
        _host = _options.AdvertisedHost ?? (IsBoundToAll ? "" : _options.Address.ToString());
        _udp.Start();
        _tcp.Start();
        _dispatching = DispatchAsync(_stopping.Token);
    }

    /// <summary>Closes the listeners and ends the dispatcher; a second call does nothing.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_udp is not null)
            await _udp.DisposeAsync().ConfigureAwait(false);
        if (_tcp is not null)
            await _tcp.DisposeAsync().ConfigureAwait(false);
        await _dispatching.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>
    /// This endpoint's own URI for Contact headers towards <paramref name="peer"/>, e.g.
    /// sip:agent@10.0.0.5:5060;transport=tcp, with the host of <see cref="HostFor"/>.
    /// </summary>
    public string ContactUri(SipTransportAddress peer, string? user = null)
    {
        var port = (peer.Transport == SipTransportKind.Udp ? UdpEndPoint : TcpEndPoint)?.Port ?? _options.Port;
        var userPart = user is null ? "" : user + "@";
        var transportPart = peer.Transport == SipTransportKind.Tcp ? ";transport=tcp" : "";
        return $"sip:{userPart}{HostForUri(peer)}:{port}{transportPart}";
    }

    /// <summary>
    /// The host this endpoint writes in Via and Contact for <paramref name="peer"/>: the advertised host (an external
    /// address behind NAT), else the bound address, else (bound to all) the local address on the way to the peer.
    /// </summary>
    public string HostFor(SipTransportAddress peer) => _host.Length > 0 ? _host : LocalAddressFor(peer.EndPoint).ToString();

    /// <summary>
    /// The local address a peer at <paramref name="remote"/> reaches: the bound address, or (bound to all) the one the
    /// system sends from to that peer (see <see cref="LocalRoute"/>); never an unrelated interface's.
    /// </summary>
    public IPAddress LocalAddressFor(IPEndPoint remote) => IsBoundToAll ? LocalRoute.SourceAddressFor(remote) : _options.Address;

    /// <summary>Sends a request to where its Route or Request-URI points (see <see cref="SipTargetResolver"/>).</summary>
    public async Task<SipClientTransaction> SendRequestAsync(SipRequest request, CancellationToken cancellationToken)
    {
        var destination = await SipTargetResolver.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        return SendRequest(request, destination);
    }

    /// <summary>
    /// Sends a request as a client transaction. The request carries no Via: this endpoint adds its own with a new
    /// branch and rport (and Max-Forwards: 70 when absent). Await <see cref="SipClientTransaction.FinalResponse"/>.
    /// </summary>
    public SipClientTransaction SendRequest(SipRequest request, SipTransportAddress destination)
    {
        if (request.IsMethod(SipMethods.Ack))
            throw new ArgumentException("An ACK for a 2xx is sent with SendAckAsync; a non-2xx is ACKed by its transaction.", nameof(request));
        PrepareOutgoing(request, destination);
        return Transactions.SendRequest(request, destination);
    }

    /// <summary>Sends the ACK for a 2xx (built by the core, e.g. <see cref="SipDialog.CreateAck"/>) and repeats it for retransmitted 2xx.</summary>
    public async Task SendAckAsync(SipRequest ack, CancellationToken cancellationToken)
    {
        var destination = await SipTargetResolver.ResolveAsync(ack, cancellationToken).ConfigureAwait(false);
        PrepareOutgoing(ack, destination);
        var bytes = SipMessageWriter.ToArray(ack);
        AckRepetition.Remember(ack, bytes, destination);
        await SendAsync(bytes, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels an INVITE (RFC 3261 §9.1) once it has had a provisional response; null when it already ended with a
    /// final response. The INVITE's own transaction then gets the 487.
    /// </summary>
    public async Task<SipClientTransaction?> CancelAsync(InviteClientTransaction invite, CancellationToken cancellationToken)
    {
        await invite.FirstResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (invite.FinalResponse.IsCompleted)
            return null;
        var cancel = new SipRequest(SipMethods.Cancel, invite.Request.RequestUri.Span);
        foreach (var header in invite.Request.Headers)
        {
            if (header.HasName(SipHeaderNames.Via) || header.HasName(SipHeaderNames.From) || header.HasName(SipHeaderNames.To)
                || header.HasName(SipHeaderNames.CallId) || header.HasName(SipHeaderNames.Route) || header.HasName(SipHeaderNames.MaxForwards))
            {
                cancel.Headers.Add(header);
            }
        }
        invite.Request.TryGetCSeq(out var cseq);
        cancel.Headers.Add("CSeq", $"{cseq.Number} CANCEL");
        return Transactions.SendRequest(cancel, invite.Remote);
    }

    /// <summary>Sends bytes as they are on the matching transport (what transactions send through); no transaction is involved.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, SipTransportAddress destination, CancellationToken cancellationToken)
    {
        ISipTransport? transport = destination.Transport == SipTransportKind.Udp ? _udp : _tcp;
        return transport is null
            ? ValueTask.FromException(new SocketException((int)SocketError.NotConnected))
            : transport.SendAsync(message, destination.EndPoint, cancellationToken);
    }

    private bool IsBoundToAll => _options.Address.Equals(IPAddress.Any) || _options.Address.Equals(IPAddress.IPv6Any);

    private string HostForUri(SipTransportAddress peer)
    {
        var host = HostFor(peer);
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
    }

    private void PrepareOutgoing(SipRequest request, SipTransportAddress destination)
    {
        if (request.Headers.Contains(SipHeaderNames.Via))
            throw new ArgumentException("The endpoint adds the Via of requests it sends.", nameof(request));
        var port = (destination.Transport == SipTransportKind.Udp ? UdpEndPoint : TcpEndPoint)?.Port ?? _options.Port;
        request.Headers.Add("Via", $"SIP/2.0/{destination.ViaTransport} {HostForUri(destination)}:{port};branch={SipBranch.Create(_branchPrefix)};rport");
        if (!request.Headers.Contains(SipHeaderNames.MaxForwards))
            request.Headers.Add("Max-Forwards", "70");
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var received in _received.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await DispatchAsync(received, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // One message's failure (a handler's bug, a peer gone) must not stop the others.
                    _log.DispatchFailed(received.Source, Describe(received.Message), exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the messages still queued go unanswered, as they would to a server that is gone.
        }
    }

    private static string Describe(SipMessage message) => message switch
    {
        SipRequest request => SipMethods.NameOf(request.Method.Span),
        SipResponse response => $"response {response.StatusCode}",
        _ => "message",
    };

    private async ValueTask DispatchAsync(SipReceivedMessage received, CancellationToken cancellationToken)
    {
        switch (received.Message)
        {
            case SipResponse response:
                if (!Transactions.TryReceiveResponse(received)
                    && !(response.StatusCode is >= 200 and < 300 && await AckRepetition.TryRepeatAsync(response, cancellationToken).ConfigureAwait(false))
                    && StrayResponseReceived is { } onStray)
                {
                    await onStray(received, cancellationToken).ConfigureAwait(false);
                }
                break;
            case SipRequest request:
                await DispatchRequestAsync(received, request, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask DispatchRequestAsync(SipReceivedMessage received, SipRequest request, CancellationToken cancellationToken)
    {
        if (Transactions.TryReceiveKnownRequest(received))
            return;
        if (request.IsMethod(SipMethods.Ack))
        {
            SuccessRetransmissions.TryAcknowledge(request);
            if (AckReceived is { } onAck)
                await onAck(received, cancellationToken).ConfigureAwait(false);
            return;
        }
        var transaction = Transactions.CreateServerTransaction(received);
        var method = SipMethods.NameOf(request.Method.Span);
        SipRequestHandler? handler;
        lock (_handlers)
            _handlers.TryGetValue(method, out handler);
        var refusal = Refuse(transaction, method, handler is not null);
        if (refusal is not null)
            await TryRespondAsync(transaction, refusal, cancellationToken).ConfigureAwait(false);
        else if (request.IsMethod(SipMethods.Cancel))
            await CancelInviteAsync(transaction, cancellationToken).ConfigureAwait(false);
        else if (handler is not null)
            await RunHandlerAsync(handler, method, transaction, cancellationToken).ConfigureAwait(false);
        else
            await TryRespondAsync(transaction, WithCapabilities(transaction.CreateResponse(200)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The checks of RFC 3261 §8.2.1-§8.2.2 and §16.3 every new request passes before the core sees it.</summary>
    private SipResponse? Refuse(SipServerTransaction transaction, string method, bool hasHandler)
    {
        var request = transaction.Request;
        if (!request.IsSip20)
            return transaction.CreateResponse(505);
        if (!hasHandler && !BuiltInMethods.Contains(method))
            return WithCapabilities(transaction.CreateResponse(405));
        // §8.2.2.1: a Request-URI scheme this endpoint does not know (sip:, sips: and tel: it does).
        if (!SipUri.TryParse(request.RequestUri, out var requestUri) || requestUri.Scheme == SipUriScheme.Other)
            return transaction.CreateResponse(416);
        if (request.TryGetMaxForwards(out var hops) && hops == 0 && !request.IsMethod(SipMethods.Options))
            return transaction.CreateResponse(483);
        if (SipBranch.HasBranchWithPrefix(request, _branchPrefix))
            return transaction.CreateResponse(482);
        if (request.IsMethod(SipMethods.Cancel))
            return null;
        if (Unsupported(request) is not { } unsupported)
            return null;
        var badExtension = transaction.CreateResponse(420);
        badExtension.Headers.Add("Unsupported", unsupported);
        return badExtension;
    }

    /// <summary>The option tags the request requires and this endpoint does not implement, listed; null when none.</summary>
    private string? Unsupported(SipRequest request)
    {
        if (!request.Headers.Contains(SipHeaderNames.Require))
            return null;
        List<string>? unsupported = null;
        foreach (var element in request.Headers.GetListElements(SipHeaderNames.Require))
        {
            var tag = Encoding.UTF8.GetString(element.Span);
            if (tag.Length > 0 && !_options.SupportedExtensions.Contains(tag, StringComparer.OrdinalIgnoreCase))
                (unsupported ??= []).Add(tag);
        }

        return unsupported is null ? null : string.Join(", ", unsupported);
    }

    private SipResponse WithCapabilities(SipResponse response)
    {
        response.Headers.Add("Allow", _allow);
        if (_supported.Length > 0)
            response.Headers.Add("Supported", _supported);
        response.Headers.Add("Accept", "application/sdp");
        return response;
    }

    /// <summary>A CANCEL (§9.2): 200 when it matches an INVITE, which then gets 487 unless it already has a final response; else 481.</summary>
    private async ValueTask CancelInviteAsync(SipServerTransaction cancel, CancellationToken cancellationToken)
    {
        if (!Transactions.TryFindCancelledInvite(cancel.Request, out var invite))
        {
            await TryRespondAsync(cancel, cancel.CreateResponse(481), cancellationToken).ConfigureAwait(false);
            return;
        }
        // The 200 to the CANCEL carries the To tag of the INVITE's responses.
        await TryRespondAsync(cancel, SipResponseBuilder.CreateResponse(cancel.Request, 200, invite.LocalTag.Span), cancellationToken).ConfigureAwait(false);
        if (invite.TryCancel())
            await TryRespondAsync(invite, invite.CreateResponse(487), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask RunHandlerAsync(SipRequestHandler handler, string method, SipServerTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await handler(transaction, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The peer must hear something: a handler that failed without answering becomes 500 (§21.5.1).
            _coreLog.HandlerFailed(method, transaction.Received.Source, exception);
            if (!transaction.HasFinalResponse)
                await TryRespondAsync(transaction, transaction.CreateResponse(500), cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask TryRespondAsync(SipServerTransaction transaction, SipResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.SendResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or SocketException or IOException)
        {
            // Already answered (a race with the core), or the peer is unreachable: the transaction has ended either way.
            _coreLog.ResponseNotSent(response.StatusCode, transaction.Remote, exception);
        }
    }
}
