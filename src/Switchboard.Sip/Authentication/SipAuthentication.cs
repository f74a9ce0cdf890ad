namespace Switchboard.Sip.Authentication;

/// <summary>
/// How a digest-authenticated request fared: <see cref="Username"/> when its credentials held, otherwise the
/// <see cref="Answer"/> to send (a challenge, when <see cref="IsChallenge"/>, or a refusal).
/// </summary>
public sealed record SipAuthentication(string? Username, SipResponse? Answer, bool IsChallenge)
{
    public bool IsAuthenticated => Username is not null;
}
