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
    private TimeSpan _interval;

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

    internal override void Start()
    {
        lock (Gate)
        {
            _interval = Timers.T1;
            if (!Remote.IsReliable)
                _timerE.Start(_interval);
            _timerF.Start(Timers.TransactionTimeout);
        }
        Transmit(RequestBytes);
    }

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
        bool failed;
        lock (Gate)
        {
            failed = _state is State.Trying or State.Proceeding;
            if (failed)
                Shutdown();
        }
        if (failed)
            Fail(SipTransactionFailure.TransportError);
    }

    private void OnTimerE()
    {
        lock (Gate)
        {
            if (_state is not (State.Trying or State.Proceeding))
                return;
            _interval = _state == State.Proceeding ? Timers.T2 : Min(_interval * 2, Timers.T2);
            _timerE.Start(_interval);
        }
        Transmit(RequestBytes);
    }

    private void OnTimerF()
    {
        bool timedOut;
        lock (Gate)
        {
            timedOut = _state is State.Trying or State.Proceeding;
            if (timedOut)
                Shutdown();
        }
        if (timedOut)
            Fail(SipTransactionFailure.Timeout);
    }

    private void OnTimerK()
    {
        bool ended;
        lock (Gate)
        {
            ended = _state == State.Completed;
            if (ended)
                Shutdown();
        }
        if (ended)
            End(SipTransactionFailure.None);
    }

    private void Shutdown()
    {
        _state = State.Terminated;
        _timerE.Stop();
        _timerF.Stop();
        _timerK.Stop();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
