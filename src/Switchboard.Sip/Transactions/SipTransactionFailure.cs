namespace Switchboard.Sip.Transactions;

/// <summary>How a transaction ended.</summary>
public enum SipTransactionFailure
{
    /// <summary>It ran its course.</summary>
    None,
    /// <summary>No final response (client, timers B and F) or no ACK for a final response (INVITE server, timer H).</summary>
    Timeout,
    /// <summary>The transport could not deliver a message (RFC 3261 §17.1.4, §17.2.4).</summary>
    TransportError,
}
