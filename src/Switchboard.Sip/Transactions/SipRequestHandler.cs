namespace Switchboard.Sip.Transactions;

/// <summary>
/// Handles a new request of one method; it answers through <paramref name="transaction"/>. Handlers run one at a
/// time in arrival order, so they should hand long work to their owner (a call's mailbox) and return.
/// </summary>
public delegate ValueTask SipRequestHandler(SipServerTransaction transaction, CancellationToken cancellationToken);
