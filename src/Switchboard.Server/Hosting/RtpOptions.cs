namespace Switchboard.Server.Hosting;

/// <summary>The UDP port range media sessions take their ports from.</summary>
public sealed class RtpOptions
{
    public int PortMin { get; set; } = 20000;

    public int PortMax { get; set; } = 20999;
}
