namespace Switchboard.Sip.Transport;

/// <summary>
/// Lets at most one log entry of a kind through per window, so that a flood of bad input cannot flood the log;
/// the entries held back are counted and the next one that passes says how many there were.
/// </summary>
internal sealed class LogRateLimit(TimeProvider time, TimeSpan window)
{
    private readonly Lock _gate = new();
    private long _windowEnds;
    private int _heldBack;

    /// <summary>True when this entry may be written; <paramref name="heldBack"/> is how many were not since the last one.</summary>
    public bool TryPass(out int heldBack)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (now < _windowEnds)
            {
                _heldBack++;
                heldBack = 0;
                return false;
            }
            _windowEnds = now + (long)(window.TotalSeconds * time.TimestampFrequency);
            heldBack = _heldBack;
            _heldBack = 0;
            return true;
        }
    }
}
