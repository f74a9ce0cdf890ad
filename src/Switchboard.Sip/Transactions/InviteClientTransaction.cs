using Switchboard.Sip.Headers;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The INVITE client transaction (RFC 3261 §17.1.1, with the Accepted state of RFC 6026): timer A retransmits over
/// UDP, timer B gives up, a non-2xx final is ACKed here and absorbed for timer D, and 2xx retransmissions in
/// Accepted are not absorbed: they go to the core, which ACKs them end to end.
/// </summary>
public sealed class InviteClientTransaction : SipClientTransaction
{
    private readonly TransactionTimer _timerA;
    private readonly TransactionTimer _timerB;
    private readonly TransactionTimer _timerD;
    private State _state = State.Calling;
    private byte[]? _ack;

    internal InviteClientTransaction(SipRequest request, SipTransportAddress destination, SipTransactionContext context)
        : base(request, destination, context)
    {
        _timerA = CreateTimer(OnTimerA);
        _timerB = CreateTimer(OnTimerB);
        _timerD = CreateTimer(OnTerminatingTimer);
    }

    private enum State
    {
        Calling,
        Proceeding,
        Accepted,
        Completed,
        Terminated,
    }

    internal override void Start() => SendRequest(_timerA, _timerB);

    internal override bool Receive(SipReceivedMessage received)
    {
        var response = (SipResponse)received.Message;
        var status = response.StatusCode;
        byte[]? ackToSend = null;
        var deliver = Delivery.None;
        var terminate = false;
        lock (Gate)
        {
            switch (_state)
            {
                case State.Calling or State.Proceeding when status < 200:
                    _state = State.Proceeding;
                    _timerA.Stop();
                    _timerB.Stop();
                    deliver = Delivery.Provisional;
                    break;
                case State.Calling or State.Proceeding when status < 300:
                    _state = State.Accepted;
                    _timerA.Stop();
                    _timerB.Stop();
                    _timerD.Start(Timers.TransactionTimeout);
                    deliver = Delivery.Final;
                    break;
                case State.Calling or State.Proceeding:
                    _timerA.Stop();
                    _timerB.Stop();
                    _ack = SipMessageWriter.ToArray(CreateAck(response));
                    ackToSend = _ack;
                    deliver = Delivery.Final;
                    if (Remote.IsReliable)
                    {
                        _state = State.Terminated;
                        terminate = true;
                    }
                    else
                    {
                        _state = State.Completed;
                        _timerD.Start(Timers.TimerD);
                    }
                    break;
                case State.Accepted when status is >= 200 and < 300:
                    return false;
                case State.Completed when status >= 300:
                    ackToSend = _ack;
                    break;
            }
        }
        if (ackToSend is not null)
            Transmit(ackToSend);
        switch (deliver)
        {
            case Delivery.Provisional:
                DeliverProvisional(response);
                break;
            case Delivery.Final:
                DeliverFinal(response);
                break;
        }
        if (terminate)
            End(SipTransactionFailure.None);
        return true;
    }

    private protected override void OnTransportError()
    {
        if (TryTerminate(() => _state != State.Terminated))
            Fail(SipTransactionFailure.TransportError);
    }

    /// <summary>The ACK for a non-2xx final (§17.1.1.3): same Request-URI, Call-ID, From, top Via and Route; the response's To.</summary>
    private SipRequest CreateAck(SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, Request.RequestUri.Span);
        foreach (var header in Request.Headers)
        {
            if (header.HasName(SipHeaderNames.Via) || header.HasName(SipHeaderNames.From) || header.HasName(SipHeaderNames.CallId)
                || header.HasName(SipHeaderNames.Route) || header.HasName(SipHeaderNames.MaxForwards))
            {
                ack.Headers.Add(header);
            }
        }
        if (response.Headers.TryGetValue(SipHeaderNames.To, out var to))
            ack.Headers.Add(SipHeaderNames.To, to.Span);
        Request.TryGetCSeq(out var cseq);
        ack.Headers.Add("CSeq", $"{cseq.Number} ACK");
        return ack;
    }

    private void OnTimerA()
    {
        lock (Gate)
        {
            if (_state != State.Calling)
                return;
            _timerA.Start(_timerA.Due * 2);
        }
        Transmit(RequestBytes);
    }

    private void OnTimerB()
    {
        if (TryTerminate(() => _state == State.Calling))
            Fail(SipTransactionFailure.Timeout);
    }

    /// <summary>Timer D (Completed) or timer M (Accepted) fired.</summary>
    private void OnTerminatingTimer()
    {
        if (TryTerminate(() => _state != State.Terminated))
            End(SipTransactionFailure.None);
    }

    private protected override void EnterTerminated() => _state = State.Terminated;

    private enum Delivery
    {
        None,
        Provisional,
        Final,
    }
}
