using System.Text;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A request this stack received, and the only way to answer it: responses go through the transaction, which
/// keeps the last one to answer retransmitted requests and, over UDP, retransmits a final one where RFC 3261 says so.
/// </summary>
public abstract class SipServerTransaction : SipTransaction
{
    private protected SipServerTransaction(SipReceivedMessage received, SipTransactionKey key, SipTransactionContext context)
        : base(key, SipResponseDestination.For(received), context)
    {
        Received = received;
        Request = (SipRequest)received.Message;
    }

    public SipRequest Request { get; }

    /// <summary>The request with the address it came from.</summary>
    public SipReceivedMessage Received { get; }

    /// <summary>The To tag of the responses <see cref="CreateResponse(int)"/> builds, unless the request's To already has one.</summary>
    public ReadOnlyMemory<byte> LocalTag { get; } = SipTag.Create();

    public abstract bool HasFinalResponse { get; }

    public SipResponse CreateResponse(int statusCode) => SipResponseBuilder.CreateResponse(Request, statusCode, LocalTag.Span);

    public SipResponse CreateResponse(int statusCode, string reasonPhrase) =>
        SipResponseBuilder.CreateResponse(Request, statusCode, Encoding.UTF8.GetBytes(reasonPhrase), LocalTag.Span);

    /// <summary>
    /// Sends a response built for this request. Throws <see cref="InvalidOperationException"/> after a final
    /// response, and the transport's exception when the response cannot be delivered (which also ends the transaction).
    /// </summary>
    public async Task SendResponseAsync(SipResponse response, CancellationToken cancellationToken)
    {
        var bytes = SipMessageWriter.ToArray(response);
        var terminateAfterSend = Accept(response, bytes);
        try
        {
            await Context.Sender.SendAsync(bytes, Remote, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportError(exception))
        {
            OnTransportError();
            throw;
        }
        if (terminateAfterSend)
            End(SipTransactionFailure.None);
    }

    /// <summary>Moves the state machine for a response the core sends; true when the transaction ends once it is sent.</summary>
    private protected abstract bool Accept(SipResponse response, byte[] bytes);

    /// <summary>Starts the transaction's own timers once it is in the layer's table.</summary>
    internal virtual void Start()
    {
    }

    /// <summary>The same request arrived again.</summary>
    internal abstract void ReceiveRetransmission();

    private protected static InvalidOperationException FinalAlreadySent() => new("This transaction has already sent its final response.");
}
