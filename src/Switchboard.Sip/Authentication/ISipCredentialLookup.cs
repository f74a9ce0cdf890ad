namespace Switchboard.Sip.Authentication;

/// <summary>Where digest credentials come from (the user store); implemented outside the SIP layer.</summary>
public interface ISipCredentialLookup
{
    /// <summary>The credentials of the SIP username in the challenger's realm, or null when there is no such user.</summary>
    ValueTask<SipDigestCredentials?> FindAsync(string username, CancellationToken cancellationToken);
}
