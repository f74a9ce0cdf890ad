namespace Switchboard.Sip.Transactions;

/// <summary>
/// The INVITE server transaction (RFC 3261 §17.2.1, with the Accepted state of RFC 6026): 100 Trying after
/// <see cref="SipTimerOptions.TryingDelay"/> unless the core answered first; a non-2xx final retransmitted by timer
/// G until the ACK (absorbed here) or timer H; a 2xx handed to the core's retransmission, INVITE copies absorbed for timer L.
/// </summary>
#pragma warning disable CA1001 // The CancellationTokenSource has no timer, so nothing leaks; its token must outlive the transaction.
public sealed class InviteServerTransaction : SipServerTransaction
#pragma warning restore CA1001
{
    private readonly TransactionTimer _trying;
    private readonly TransactionTimer _timerG;
    private readonly TransactionTimer _timerH;
    private readonly TransactionTimer _ending;
    private readonly CancellationTokenSource _cancel = new();
    private State _state = State.Proceeding;
    private byte[]? _lastResponse;

    internal InviteServerTransaction(Transport.SipReceivedMessage received, SipTransactionKey key, SipTransactionContext context)
        : base(received, key, context)
    {
        _trying = CreateTimer(OnTrying);
        _timerG = CreateTimer(OnTimerG);
        _timerH = CreateTimer(OnTimerH);
        _ending = CreateTimer(OnEnding);
    }

    private enum State
    {
        Proceeding,
        Accepted,
        Completed,
        Confirmed,
        Terminated,
    }

    /// <summary>Signalled when a CANCEL for this INVITE arrived before a final response (the 487 is already sent).</summary>
    public CancellationToken CancellationRequested => _cancel.Token;

    public override bool HasFinalResponse
    {
        get
        {
            lock (Gate)
                return _state != State.Proceeding;
        }
    }

    internal override void Start()
    {
        lock (Gate)
            _trying.Start(Timers.TryingDelay);
    }

    private protected override bool Accept(SipResponse response, byte[] bytes)
    {
        var success = false;
        lock (Gate)
        {
            if (_state != State.Proceeding)
                throw FinalAlreadySent();
            _trying.Stop();
            _lastResponse = bytes;
            if (response.StatusCode is >= 200 and < 300)
            {
                _state = State.Accepted;
                _ending.Start(Timers.TransactionTimeout);
                success = true;
            }
            else if (response.StatusCode >= 300)
            {
                _state = State.Completed;
                if (!Remote.IsReliable)
                    _timerG.Start(Timers.T1);
                _timerH.Start(Timers.TransactionTimeout);
            }
        }
        if (success)
            Context.SuccessSent(this, bytes);
        return false;
    }

    internal override void ReceiveRetransmission()
    {
        byte[]? resend;
        lock (Gate)
            resend = _state is State.Proceeding or State.Completed ? _lastResponse : null;
        if (resend is not null)
            Transmit(resend);
    }

    /// <summary>The ACK for the non-2xx final response (same branch) arrived.</summary>
    internal void ReceiveAck()
    {
        var terminate = false;
        lock (Gate)
        {
            if (_state != State.Completed)
                return;
            _timerG.Stop();
            _timerH.Stop();
            if (Remote.IsReliable)
            {
                _state = State.Terminated;
                terminate = true;
            }
            else
            {
                _state = State.Confirmed;
                _ending.Start(Timers.T4);
            }
        }
        if (terminate)
            End(SipTransactionFailure.None);
    }

    /// <summary>A CANCEL matched this INVITE: true (and the core is signalled) when it is still without a final response.</summary>
    internal bool TryCancel()
    {
        lock (Gate)
        {
            if (_state != State.Proceeding)
                return false;
        }
        _cancel.Cancel();
        return true;
    }

    private protected override void OnTransportError()
    {
        if (TryTerminate(() => _state != State.Terminated))
            End(SipTransactionFailure.TransportError);
    }

    private void OnTrying()
    {
        lock (Gate)
        {
            if (_state != State.Proceeding || _lastResponse is not null)
                return;
            var trying = SipMessageWriter.ToArray(CreateResponse(100));
            _lastResponse = trying;
            // Queued under the lock (the transport's queue never blocks): a final response the core sends at the same
            // moment takes the lock after this and so leaves after the 100, never before it.
            Transmit(trying);
        }
    }

    private void OnTimerG()
    {
        byte[]? resend;
        lock (Gate)
        {
            if (_state != State.Completed)
                return;
            _timerG.Start(DoubledUpToT2(_timerG.Due));
            resend = _lastResponse;
        }
        if (resend is not null)
            Transmit(resend);
    }

    private void OnTimerH()
    {
        if (TryTerminate(() => _state == State.Completed))
            End(SipTransactionFailure.Timeout);
    }

    /// <summary>Timer I (Confirmed) or timer L (Accepted) fired.</summary>
    private void OnEnding()
    {
        if (TryTerminate(() => _state is State.Confirmed or State.Accepted))
            End(SipTransactionFailure.None);
    }

    private protected override void EnterTerminated() => _state = State.Terminated;
}
