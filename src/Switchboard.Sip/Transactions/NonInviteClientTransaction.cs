using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction (RFC 3261 §17.1.2): timer E retransmits over UDP, doubling up to T2 (at T2
/// once a provisional arrived), timer F gives up, and timer K absorbs retransmitted finals.
/// </summary>
public sealed class NonInviteClientTransaction : SipClientTransaction
{
    private readonly TransactionTimer _timerE;
    private readonly TransactionTimer _timerF;
    private readonly TransactionTimer _timerK;
    private State _state = State.Trying;

    internal NonInviteClientTransaction(SipRequest request, SipTransportAddress destination, SipTransactionContext context)
        : base(request, destination, context)
    {
        _timerE = CreateTimer(OnTimerE);
        _timerF = CreateTimer(OnTimerF);
        _timerK = CreateTimer(OnTimerK);
    }

    private enum State
    {
        Trying,
        Proceeding,
        Completed,
        Terminated,
    }

    internal override void Start() => SendRequest(_timerE, _timerF);

    internal override bool Receive(SipReceivedMessage received)
    {
        var response = (SipResponse)received.Message;
        bool provisional = false, final = false, terminate = false;
        lock (Gate)
        {
            if (_state is State.Trying or State.Proceeding)
            {
                if (response.StatusCode < 200)
                {
                    _state = State.Proceeding;
                    provisional = true;
                }
                else
                {
                    final = true;
                    _timerE.Stop();
                    _timerF.Stop();
                    if (Remote.IsReliable)
                    {
                        _state = State.Terminated;
                        terminate = true;
                    }
                    else
                    {
                        _state = State.Completed;
                        _timerK.Start(Timers.T4);
                    }
                }
            }
        }
        if (provisional)
            DeliverProvisional(response);
        if (final)
            DeliverFinal(response);
        if (terminate)
            End(SipTransactionFailure.None);
        return true;
    }

    private protected override void OnTransportError()
    {
        if (TryTerminate(() => _state is State.Trying or State.Proceeding))
            Fail(SipTransactionFailure.TransportError);
    }

    private void OnTimerE()
    {
        lock (Gate)
        {
            if (_state is not (State.Trying or State.Proceeding))
                return;
            _timerE.Start(_state == State.Proceeding ? Timers.T2 : DoubledUpToT2(_timerE.Due));
        }
        Transmit(RequestBytes);
    }

    private void OnTimerF()
    {
        if (TryTerminate(() => _state is State.Trying or State.Proceeding))
            Fail(SipTransactionFailure.Timeout);
    }

    private void OnTimerK()
    {
        if (TryTerminate(() => _state == State.Completed))
            End(SipTransactionFailure.None);
    }

    private protected override void EnterTerminated() => _state = State.Terminated;
}
