using System.Net;
using Switchboard.Media.WebRtc.Ice;

namespace Switchboard.Media.Tests.WebRtc.Ice;

public class IceCandidateTests
{
    [Fact]
    public void Host_candidate_line_has_the_highest_host_priority()
    {
        var candidate = IceCandidate.Host(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000));

        Assert.Equal("1 1 udp 2130706431 192.0.2.10 40000 typ host", candidate.ToString());
    }

    [Fact]
    public void IPv6_host_candidate_writes_the_bare_address()
    {
        var candidate = IceCandidate.Host(new IPEndPoint(IPAddress.Parse("2001:db8::5"), 40002), foundation: "2");

        Assert.Equal("2 1 udp 2130706431 2001:db8::5 40002 typ host", candidate.ToString());
    }
}
