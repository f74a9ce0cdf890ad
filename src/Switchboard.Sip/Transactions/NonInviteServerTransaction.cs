using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction (RFC 3261 §17.2.2): retransmitted requests get the last response again,
/// and after the final response timer J keeps absorbing them over UDP.
/// </summary>
public sealed class NonInviteServerTransaction : SipServerTransaction
{
    private readonly TransactionTimer _timerJ;
    private State _state = State.Trying;
    private byte[]? _lastResponse;

    internal NonInviteServerTransaction(SipReceivedMessage received, SipTransactionKey key, SipTransactionContext context)
        : base(received, key, context)
    {
        _timerJ = CreateTimer(OnTimerJ);
    }

    private enum State
    {
        Trying,
        Proceeding,
        Completed,
        Terminated,
    }

    public override bool HasFinalResponse
    {
        get
        {
            lock (Gate)
                return _state is State.Completed or State.Terminated;
        }
    }

    private protected override bool Accept(SipResponse response, byte[] bytes)
    {
        lock (Gate)
        {
            if (_state is not (State.Trying or State.Proceeding))
                throw FinalAlreadySent();
            _lastResponse = bytes;
            if (response.StatusCode < 200)
            {
                _state = State.Proceeding;
                return false;
            }
            if (Remote.IsReliable)
            {
                _state = State.Terminated;
                return true;
            }
            _state = State.Completed;
            _timerJ.Start(Timers.TransactionTimeout);
            return false;
        }
    }

    internal override void ReceiveRetransmission()
    {
        byte[]? resend;
        lock (Gate)
            resend = _state is State.Proceeding or State.Completed ? _lastResponse : null;
        if (resend is not null)
            Transmit(resend);
    }

    private protected override void OnTransportError()
    {
        // Whatever the state: a final response over a reliable transport reached Terminated before its send failed.
        lock (Gate)
            Terminate();
        End(SipTransactionFailure.TransportError);
    }

    private void OnTimerJ()
    {
        if (TryTerminate(() => _state == State.Completed))
            End(SipTransactionFailure.None);
    }

    private protected override void EnterTerminated() => _state = State.Terminated;
}
