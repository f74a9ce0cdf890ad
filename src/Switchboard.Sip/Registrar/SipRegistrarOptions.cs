namespace Switchboard.Sip.Registrar;

/// <summary>Registration intervals in seconds (RFC 3261 §10.2.1, §10.3 step 7), and how many contacts a user may bind.</summary>
public sealed class SipRegistrarOptions
{
    /// <summary>Below this a REGISTER gets 423 Interval Too Brief with Min-Expires.</summary>
    public uint MinExpires { get; init; } = 60;

    /// <summary>Longer requests are shortened to this.</summary>
    public uint MaxExpires { get; init; } = 3600;

    /// <summary>When neither the Contact nor the request says.</summary>
    public uint DefaultExpires { get; init; } = 3600;

    /// <summary>
    /// Contacts one user may have bound; a new one beyond it replaces the one that expires first (what a phone that
    /// rebooted onto a new contact needs), so the 200 OK listing them always fits a UDP datagram.
    /// </summary>
    public int MaxBindingsPerUser { get; init; } = 10;
}
