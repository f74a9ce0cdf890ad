using Switchboard.Media.Rtp;

namespace Switchboard.Telephony;

/// <summary>What happened on one call, published when it ended.</summary>
/// <param name="CallId">The call, as routing and the ACD know it.</param>
/// <param name="SipCallId">The Call-ID of the caller's INVITE.</param>
/// <param name="CallerNumber">The caller's number or SIP user; null when withheld.</param>
/// <param name="DialledNumber">Our number in E.164 form, or the Request-URI's user when it was not ours.</param>
/// <param name="StartedAt">When the INVITE arrived.</param>
/// <param name="AnsweredAt">When the caller's leg was answered, if it was.</param>
/// <param name="EndedAt">When the last leg ended.</param>
/// <param name="Result">How it ended.</param>
/// <param name="Detail">Why, in words, for refusals and failures (the status line sent); empty otherwise.</param>
/// <param name="Digits">RFC 4733 digits the caller pressed, in order.</param>
/// <param name="CallerMedia">The caller leg's RTP traffic; null when no media was set up.</param>
/// <param name="CalleeMedia">The last called leg's RTP traffic (user, agent or forward target); null when none was called.</param>
/// <param name="QueueId">The distribution queue the call last waited in, if it waited in one.</param>
/// <param name="Agents">Every user who talked to the caller, in order, with how their part ended; empty when none did.</param>
/// <param name="Transfers">Every blind transfer of the call, in order.</param>
public sealed record CallSummary(
    Guid CallId,
    string SipCallId,
    string? CallerNumber,
    string DialledNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    CallResult Result,
    string Detail,
    string Digits,
    RtpSessionStatistics? CallerMedia,
    RtpSessionStatistics? CalleeMedia,
    Guid? QueueId,
    IReadOnlyList<CallAgent> Agents,
    IReadOnlyList<CallTransfer> Transfers);
