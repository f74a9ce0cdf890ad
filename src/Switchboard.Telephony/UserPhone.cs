namespace Switchboard.Telephony;

/// <summary>Where a user's calls ring: their workspace's webphone, or the SIP device registered as <paramref name="SipUsername"/>.</summary>
public sealed record UserPhone(bool Webphone, string? SipUsername);
