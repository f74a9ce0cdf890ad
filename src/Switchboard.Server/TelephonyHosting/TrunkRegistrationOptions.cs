namespace Switchboard.Server.TelephonyHosting;

/// <summary>How long a carrier that refused or did not answer is left alone, and how long it is given to confirm an un-registration.</summary>
public sealed class TrunkRegistrationOptions
{
    /// <summary>The wait after a first failure; it doubles with each failure in a row up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At shutdown, how long the carrier is given to confirm each un-registration.</summary>
    public TimeSpan UnregisterWait { get; set; } = TimeSpan.FromSeconds(2);
}
