namespace Switchboard.Sip.Registrar;

/// <summary>Registration intervals in seconds (RFC 3261 §10.2.1, §10.3 step 7).</summary>
public sealed class SipRegistrarOptions
{
    /// <summary>Below this a REGISTER gets 423 Interval Too Brief with Min-Expires.</summary>
    public uint MinExpires { get; init; } = 60;

    /// <summary>Longer requests are shortened to this.</summary>
    public uint MaxExpires { get; init; } = 3600;

    /// <summary>When neither the Contact nor the request says.</summary>
    public uint DefaultExpires { get; init; } = 3600;
}
