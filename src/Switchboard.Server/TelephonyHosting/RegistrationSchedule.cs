namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// When a trunk registers next: a granted registration is refreshed at half its lifetime, so a lost refresh still
/// leaves time for another; failures back off, doubling from the first retry delay to the maximum.
/// </summary>
public sealed class RegistrationSchedule(TrunkRegistrationOptions options)
{
    /// <summary>Never refresh more often than this, whatever short expiry a registrar grants.</summary>
    private static readonly TimeSpan ShortestRefresh = TimeSpan.FromSeconds(1);

    private int _failuresInARow;

    /// <summary>The wait before refreshing a registration granted for <paramref name="granted"/>.</summary>
    public TimeSpan AfterSuccess(TimeSpan granted)
    {
        _failuresInARow = 0;
        var half = granted / 2;
        return half < ShortestRefresh ? ShortestRefresh : half;
    }

    /// <summary>The wait before trying again after one more failure.</summary>
    public TimeSpan AfterFailure()
    {
        var delay = options.FirstRetryDelay;
        for (var i = 0; i < _failuresInARow && delay < options.MaxRetryDelay; i++)
            delay *= 2;
        _failuresInARow++;
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }
}
