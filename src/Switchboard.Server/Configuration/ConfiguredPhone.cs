namespace Switchboard.Server.Configuration;

/// <summary>Where a user's calls ring, as configured: their webphone, or the SIP device <paramref name="SipUsername"/>.</summary>
public readonly record struct ConfiguredPhone(bool Webphone, string? SipUsername);
