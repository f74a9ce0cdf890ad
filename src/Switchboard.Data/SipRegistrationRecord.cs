namespace Switchboard.Data;

/// <summary>
/// One registered contact of a SIP device, kept so that registrations survive a restart until they expire. Written
/// behind the registrar (it never waits for storage); read once at start.
/// </summary>
public sealed class SipRegistrationRecord
{
    public required string User { get; init; }

    public required string ContactUri { get; init; }

    /// <summary>"Udp" or "Tcp": how the REGISTER came in.</summary>
    public required string Transport { get; set; }

    /// <summary>Where the REGISTER really came from (the device's address behind NAT).</summary>
    public required string SourceAddress { get; set; }

    public int SourcePort { get; set; }

    public DateTimeOffset Expires { get; set; }

    public required string CallId { get; set; }

    public long CSeq { get; set; }

    public double? Q { get; set; }
}
