namespace Switchboard.Telephony;

/// <summary>
/// Where a user's calls ring: their workspace's webphone (<paramref name="WebphoneOpen"/> while a workspace of theirs
/// is connected), or the SIP device registered as <paramref name="SipUsername"/>.
/// </summary>
public sealed record UserPhone(bool Webphone, string? SipUsername, bool WebphoneOpen);
