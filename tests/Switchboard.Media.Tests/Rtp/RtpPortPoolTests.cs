using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtpPortPoolTests
{
    [Fact]
    public void Ports_are_even_with_RTCP_right_above_inside_the_range()
    {
        var pool = new RtpPortPool(10001, 10010);

        var leases = RentAll(pool);

        Assert.Equal([10002, 10004, 10006, 10008], leases.Select(l => l.RtpPort));
        Assert.All(leases, l => Assert.Equal(l.RtpPort + 1, l.RtcpPort));
        Assert.Equal(4, pool.Capacity);
    }

    [Fact]
    public void Exhausted_pool_refuses_until_a_port_comes_back()
    {
        var pool = new RtpPortPool(20000, 20003);
        var leases = RentAll(pool);
        Assert.False(pool.TryRent(out _));

        leases[0].Dispose();

        Assert.True(pool.TryRent(out var again));
        Assert.Equal(20000, again.RtpPort);
    }

    [Fact]
    public void Returned_port_goes_to_the_back_of_the_line()
    {
        var pool = new RtpPortPool(20000, 20005);
        Assert.True(pool.TryRent(out var first));
        first.Dispose();

        Assert.True(pool.TryRent(out var next));

        Assert.Equal(20002, next.RtpPort);
    }

    [Fact]
    public void Disposing_a_lease_twice_returns_its_port_once()
    {
        var pool = new RtpPortPool(20000, 20003);
        var leases = RentAll(pool);

        leases[1].Dispose();
        leases[1].Dispose();

        Assert.Equal(1, pool.Available);
    }

    [Fact]
    public async Task Concurrent_callers_never_get_the_same_port()
    {
        var pool = new RtpPortPool(30000, 31999);

        var rented = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var ports = new List<int>();
            while (pool.TryRent(out var lease))
            {
                ports.Add(lease.RtpPort);
            }

            return ports;
        })));

        var all = rented.SelectMany(p => p).ToList();
        Assert.Equal(1000, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Range_without_a_port_pair_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RtpPortPool(20001, 20002));
    }

    private static List<RtpPortLease> RentAll(RtpPortPool pool)
    {
        var leases = new List<RtpPortLease>();
        while (pool.TryRent(out var lease))
        {
            leases.Add(lease);
        }

        return leases;
    }
}
