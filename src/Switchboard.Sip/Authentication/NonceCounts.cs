namespace Switchboard.Sip.Authentication;

/// <summary>
/// The highest nonce-count seen per nonce (RFC 2617 §3.2.2): a count that does not grow is a replay. Entries go
/// when their nonce expires, so memory stays bounded by the nonces of one lifetime.
/// </summary>
internal sealed class NonceCounts
{
    private readonly Dictionary<string, (uint Count, DateTimeOffset Expires)> _seen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSweep;

    /// <summary>Records <paramref name="count"/> for the nonce; false when it is not above the last one seen.</summary>
    public bool TryAdvance(string nonce, uint count, DateTimeOffset expires, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now >= _nextSweep)
            {
                foreach (var expired in _seen.Where(entry => entry.Value.Expires <= now).Select(entry => entry.Key).ToList())
                    _seen.Remove(expired);
                _nextSweep = now + TimeSpan.FromMinutes(1);
            }
            if (_seen.TryGetValue(nonce, out var last) && count <= last.Count)
                return false;
            _seen[nonce] = (count, expires);
            return true;
        }
    }
}
