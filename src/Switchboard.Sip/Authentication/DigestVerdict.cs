namespace Switchboard.Sip.Authentication;

/// <summary>What checking a request's digest credentials found, and so what to answer.</summary>
public enum DigestVerdict
{
    /// <summary>Credentials valid: go on.</summary>
    Valid,
    /// <summary>No credentials for this realm: challenge (401/407).</summary>
    Missing,
    /// <summary>The nonce is not one of ours (forged or from another server): challenge again.</summary>
    UnknownNonce,
    /// <summary>The digest was right but the nonce expired or its count was replayed: challenge with stale=true.</summary>
    Stale,
    /// <summary>No such user: 403, the same answer as a wrong password.</summary>
    UnknownUser,
    /// <summary>The digest does not match the stored secret: 403.</summary>
    WrongCredentials,
    /// <summary>Credentials that cannot be checked (missing parameters, no qop=auth, unknown algorithm, another URI): 400.</summary>
    Malformed,
}
