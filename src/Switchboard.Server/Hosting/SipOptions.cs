namespace Switchboard.Server.Hosting;

/// <summary>Where Switchboard listens for SIP, and the realm its digest challenges and device hashes use.</summary>
public sealed class SipOptions
{
    public string Address { get; set; } = "0.0.0.0";

    public int Port { get; set; } = 5060;

    /// <summary>Part of every stored device hash: changing it invalidates all SIP device passwords.</summary>
    public string Realm { get; set; } = "switchboard";
}
