namespace Switchboard.Server.Configuration;

/// <summary>How the configuration in memory follows what is saved.</summary>
public sealed class ConfigurationSettings
{
    /// <summary>
    /// A save on this node is in force at once; changes saved by another node sharing the database are picked up
    /// within this many seconds. 0 turns the refresh off (one node).
    /// </summary>
    public int RefreshSeconds { get; set; } = 30;
}
