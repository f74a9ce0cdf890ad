using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>What every transaction of one transaction layer shares: the sender, the clock, the timers and the layer's callbacks.</summary>
internal sealed class SipTransactionContext
{
    public SipTransactionContext(ISipSender sender, TimeProvider time, SipTimerOptions timers)
    {
        Sender = sender;
        Time = time;
        Timers = timers;
    }

    public ISipSender Sender { get; }

    public TimeProvider Time { get; }

    public SipTimerOptions Timers { get; }

    /// <summary>A transaction reached Terminated, ending as it says, and leaves the layer's tables.</summary>
    public Action<SipTransaction, SipTransactionFailure> Ended { get; set; } = (_, _) => { };

    /// <summary>The core sent a 2xx on an INVITE server transaction: the core retransmits it until the ACK (§13.3.1.4).</summary>
    public Action<InviteServerTransaction, ReadOnlyMemory<byte>> SuccessSent { get; set; } = (_, _) => { };
}
