namespace Switchboard.Server.Hosting;

/// <summary>The UDP port range media sessions take their ports from, and how long a silent SIP leg is kept.</summary>
public sealed class RtpOptions
{
    public int PortMin { get; set; } = 20000;

    public int PortMax { get; set; } = 29999;

    /// <summary>A SIP leg in conversation that sends no audio this long is hung up (not while on hold); 0 turns it off.</summary>
    public int InactivityTimeoutSeconds { get; set; } = 60;
}
