using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// The UAC core's answer to a retransmitted 2xx (RFC 3261 §13.2.2.4): the same ACK again. ACKs sent for a 2xx are
/// kept for 64*T1, as long as the UAS may retransmit.
/// </summary>
public sealed class AckRepetition
{
    private readonly ISipSender _sender;
    private readonly TimeProvider _time;
    private readonly SipTimerOptions _timers;
    private readonly SipCoreLog _log;
    private readonly ConcurrentDictionary<string, (ReadOnlyMemory<byte> Ack, SipTransportAddress Destination)> _sent = new();

    internal AckRepetition(ISipSender sender, TimeProvider time, SipTimerOptions timers, SipCoreLog log)
    {
        _sender = sender;
        _time = time;
        _timers = timers;
        _log = log;
    }

    public void Remember(SipRequest ack, ReadOnlyMemory<byte> bytes, SipTransportAddress destination)
    {
        if (!TryKey(ack, out var key))
            return;
        _sent[key] = (bytes, destination);
        ITimer? forget = null;
        forget = _time.CreateTimer(_ =>
        {
            _sent.TryRemove(key, out var _);
            forget?.Dispose();
        }, null, _timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends the ACK again for a retransmitted 2xx; false when no ACK for it was sent (the core decides).</summary>
    public async Task<bool> TryRepeatAsync(SipResponse success, CancellationToken cancellationToken)
    {
        if (!TryKey(success, out var key) || !_sent.TryGetValue(key, out var sent))
            return false;
        try
        {
            await _sender.SendAsync(sent.Ack, sent.Destination, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            // The next retransmitted 2xx gets another try.
            _log.AckNotRepeated(sent.Destination, exception);
        }
        return true;
    }

    private static bool TryKey(SipMessage message, out string key)
    {
        key = "";
        if (!message.TryGetCallId(out var callId) || !message.TryGetCSeq(out var cseq) || !message.TryGetTo(out var to))
            return false;
        key = $"{Encoding.UTF8.GetString(callId.Span)}|{cseq.Number}|{Encoding.UTF8.GetString(to.Tag.Span)}";
        return true;
    }
}
