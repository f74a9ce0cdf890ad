namespace Switchboard.Media.Rtp;

/// <summary>
/// Hands out RTP ports from the configured range: even ports, each with the odd port above it for
/// RTCP (RFC 3550 §11). A port is never handed out twice while leased; returned ports go to the back
/// of the line, so a late packet from a finished call does not land in a new one.
/// </summary>
public sealed class RtpPortPool
{
    private readonly Lock _lock = new();
    private readonly Queue<int> _free = new();
    private readonly HashSet<int> _leased = [];

    /// <param name="log">Where the sessions of this pool report a datagram that broke their receive loop.</param>
    public RtpPortPool(int minimumPort, int maximumPort, RtpLog? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPort, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumPort, ushort.MaxValue);
        var first = minimumPort + (minimumPort & 1);
        if (first + 1 > maximumPort)
        {
            throw new ArgumentException($"the range {minimumPort}-{maximumPort} holds no RTP/RTCP port pair", nameof(maximumPort));
        }

        Log = log ?? RtpLog.None;
        MinimumPort = minimumPort;
        MaximumPort = maximumPort;
        for (var port = first; port + 1 <= maximumPort; port += 2)
        {
            _free.Enqueue(port);
        }

        Capacity = _free.Count;
    }

    public int MinimumPort { get; }

    /// <summary>Shared by the pool's sessions, so that a flood over the whole range is written once per window.</summary>
    public RtpLog Log { get; }

    public int MaximumPort { get; }

    /// <summary>How many RTP/RTCP pairs the range holds.</summary>
    public int Capacity { get; }

    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>Leases the next free pair; false when every pair is in use.</summary>
    public bool TryRent(out RtpPortLease lease)
    {
        lock (_lock)
        {
            if (!_free.TryDequeue(out var port))
            {
                lease = null!;
                return false;
            }

            _leased.Add(port);
            lease = new RtpPortLease(this, port);
            return true;
        }
    }

    internal void Return(int rtpPort)
    {
        lock (_lock)
        {
            if (_leased.Remove(rtpPort))
            {
                _free.Enqueue(rtpPort);
            }
        }
    }
}
