using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// The UAS core's retransmission of a 2xx to an INVITE until its ACK arrives (RFC 3261 §13.3.1.4): from T1,
/// doubling up to T2, for 64*T1. Without an ACK by then the core is told, so that it can end the dialog with a BYE.
/// </summary>
public sealed class SuccessRetransmissions
{
    private readonly ISipSender _sender;
    private readonly TimeProvider _time;
    private readonly SipTimerOptions _timers;
    private readonly SipCoreLog _log;
    private readonly SipMetrics _metrics;
    private readonly ConcurrentDictionary<string, Pending> _pending = new();

    internal SuccessRetransmissions(ISipSender sender, TimeProvider time, SipTimerOptions timers, SipCoreLog? log = null, SipMetrics? metrics = null)
    {
        _metrics = metrics ?? SipMetrics.Shared;
        _sender = sender;
        _time = time;
        _timers = timers;
        _log = log ?? SipCoreLog.None;
    }

    /// <summary>No ACK came for the 2xx to this INVITE within 64*T1.</summary>
    public event EventHandler<SipRequest>? AckTimedOut;

    public int Count => _pending.Count;

    public void Start(SipRequest invite, ReadOnlyMemory<byte> response, SipTransportAddress destination)
    {
        if (!TryKey(invite, out var key))
            return;
        var pending = new Pending(this, key, invite, response, destination);
        if (_pending.TryAdd(key, pending))
            pending.Start();
    }

    /// <summary>An ACK arrived outside any transaction: true when it acknowledges a 2xx being retransmitted, which stops.</summary>
    public bool TryAcknowledge(SipRequest ack)
    {
        if (!TryKey(ack, out var key) || !_pending.TryRemove(key, out var pending))
            return false;
        pending.Stop();
        return true;
    }

    /// <summary>The ACK for a 2xx names the INVITE's Call-ID and CSeq number (§13.2.2.4).</summary>
    private static bool TryKey(SipRequest request, out string key)
    {
        key = "";
        if (!request.TryGetCallId(out var callId) || !request.TryGetCSeq(out var cseq))
            return false;
        key = $"{Encoding.UTF8.GetString(callId.Span)}|{cseq.Number}";
        return true;
    }

    private void GiveUp(Pending pending)
    {
        if (!_pending.TryRemove(new KeyValuePair<string, Pending>(pending.Key, pending)))
            return;
        _metrics.TimedOut(SipTimeoutTimer.SuccessAck);
        AckTimedOut?.Invoke(this, pending.Invite);
    }

    private sealed class Pending
    {
        private readonly SuccessRetransmissions _owner;
        private readonly ReadOnlyMemory<byte> _response;
        private readonly SipTransportAddress _destination;
        private readonly Lock _gate = new();
        private readonly TransactionTimer _retransmit;
        private readonly TransactionTimer _giveUp;
        private TimeSpan _interval;
        private bool _stopped;

        public Pending(SuccessRetransmissions owner, string key, SipRequest invite, ReadOnlyMemory<byte> response, SipTransportAddress destination)
        {
            _owner = owner;
            Key = key;
            Invite = invite;
            _response = response;
            _destination = destination;
            _retransmit = new TransactionTimer(owner._time, Retransmit);
            _giveUp = new TransactionTimer(owner._time, () => owner.GiveUp(this));
        }

        public string Key { get; }

        public SipRequest Invite { get; }

        public void Start()
        {
            lock (_gate)
            {
                _interval = _owner._timers.T1;
                _retransmit.Start(_interval);
                _giveUp.Start(_owner._timers.TransactionTimeout);
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                _retransmit.Stop();
                _giveUp.Stop();
            }
        }

        private void Retransmit()
        {
            lock (_gate)
            {
                if (_stopped)
                    return;
                _interval = _interval * 2 < _owner._timers.T2 ? _interval * 2 : _owner._timers.T2;
                _retransmit.Start(_interval);
            }
            _ = SendAsync();
        }

        private async Task SendAsync()
        {
            try
            {
                await _owner._sender.SendAsync(_response, _destination, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException)
            {
                // A lost retransmission is what retransmitting is for; the give-up timer still ends it.
                _owner._log.RetransmissionNotSent(_destination, exception);
            }
        }
    }
}
