namespace Switchboard.Sip.Authentication;

/// <summary>The verdict on a request's credentials and the username they claimed (null when there were none).</summary>
public sealed record DigestVerification(DigestVerdict Verdict, string? Username);
