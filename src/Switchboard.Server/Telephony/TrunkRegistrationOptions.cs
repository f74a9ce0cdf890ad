namespace Switchboard.Server.Telephony;

/// <summary>How often trunks are re-read, and how long a carrier that refused or did not answer is left alone.</summary>
public sealed class TrunkRegistrationOptions
{
    /// <summary>Trunks created, changed or deleted in the admin are picked up within this time.</summary>
    public TimeSpan RereadInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a first failure; it doubles with each failure in a row up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At shutdown, how long the carrier is given to confirm each un-registration.</summary>
    public TimeSpan UnregisterWait { get; set; } = TimeSpan.FromSeconds(2);
}
