using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>Handles a message that belongs to no transaction: an ACK for a 2xx, or a stray response.</summary>
public delegate ValueTask SipMessageHandler(SipReceivedMessage message, CancellationToken cancellationToken);
