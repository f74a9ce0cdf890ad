using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>The "Switchboard" configuration section: where data lives and where the telephony listens.</summary>
public sealed class SwitchboardOptions
{
    public const string Section = "Switchboard";

    /// <summary>Holds the SQLite file and the sound files; relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Creates the demo switchboard (README) at start-up when nothing is configured yet.</summary>
    public bool Demo { get; set; }

    public SipOptions Sip { get; set; } = new();

    public RtpOptions Rtp { get; set; } = new();

    /// <summary>How the configuration calls consult is kept in memory.</summary>
    public ConfigurationSettings Configuration { get; set; } = new();

    /// <summary>The Prometheus scrape endpoint.</summary>
    public MetricsSettings Metrics { get; set; } = new();
}
