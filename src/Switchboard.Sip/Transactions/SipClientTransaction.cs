using System.Threading.Channels;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A request this stack sent: its provisional responses as they arrive and its final response. A timeout or a
/// transport error ends it with a locally made 408 or 503, as RFC 3261 §8.1.3.1 tells the core to treat them.
/// </summary>
public abstract class SipClientTransaction : SipTransaction
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstResponse = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<SipResponse> _provisionals = Channel.CreateUnbounded<SipResponse>(new UnboundedChannelOptions { SingleWriter = true });

    private protected SipClientTransaction(SipRequest request, SipTransportAddress destination, SipTransactionContext context)
        : base(SipTransactionKey.ForClient(request), destination, context)
    {
        Request = request;
        RequestBytes = SipMessageWriter.ToArray(request);
    }

    public SipRequest Request { get; }

    public Task<SipResponse> FinalResponse => _final.Task;

    /// <summary>1xx responses in arrival order; completes when the final response arrives.</summary>
    public ChannelReader<SipResponse> ProvisionalResponses => _provisionals.Reader;

    /// <summary>Completes with the first response of any kind, or the failure (a CANCEL waits for it, §9.1).</summary>
    internal Task FirstResponse => _firstResponse.Task;

    private protected ReadOnlyMemory<byte> RequestBytes { get; }

    internal abstract void Start();

    /// <summary>Moves the state machine; false when the response is not absorbed and goes on to the core (a retransmitted 2xx).</summary>
    internal abstract bool Receive(SipReceivedMessage response);

    /// <summary>
    /// Sends the request and starts its timers (§17.1.1.2, §17.1.2.2): the retransmission timer, over UDP only,
    /// first after T1, and the timeout after 64*T1.
    /// </summary>
    private protected void SendRequest(TransactionTimer retransmission, TransactionTimer timeout)
    {
        lock (Gate)
        {
            if (!Remote.IsReliable)
                retransmission.Start(Timers.T1);
            timeout.Start(Timers.TransactionTimeout);
        }
        Transmit(RequestBytes);
    }

    private protected void DeliverProvisional(SipResponse response)
    {
        _provisionals.Writer.TryWrite(response);
        _firstResponse.TrySetResult();
    }

    private protected void DeliverFinal(SipResponse response)
    {
        _final.TrySetResult(response);
        _provisionals.Writer.TryComplete();
        _firstResponse.TrySetResult();
    }

    /// <summary>Ends the transaction with the response RFC 3261 substitutes for the failure.</summary>
    private protected void Fail(SipTransactionFailure failure)
    {
        var statusCode = failure == SipTransactionFailure.Timeout ? 408 : 503;
        DeliverFinal(SipResponseBuilder.CreateResponse(Request, statusCode, SipTag.Create()));
        End(failure);
    }
}
