namespace Switchboard.Media.Sdp;

/// <summary>Why an offer (or an answer) cannot be accepted; the B2BUA answers such an INVITE with 488.</summary>
public sealed record OfferRefusal(OfferRefusalReason Reason, string Message);
