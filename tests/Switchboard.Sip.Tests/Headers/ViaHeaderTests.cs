using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Headers;

public class ViaHeaderTests
{
    private static ViaHeader Parse(string text)
    {
        Assert.True(ViaHeader.TryParse(Encoding.UTF8.GetBytes(text), out var via), text);
        return via;
    }

    [Fact]
    public void Via_is_split_into_protocol_sent_by_and_parameters()
    {
        var via = Parse("SIP/2.0/TCP proxy.example.com:5070;branch=z9hG4bKa1;received=192.0.2.7;rport=40000;maddr=224.2.0.1;ttl=16");

        Assert.Equal("SIP", via.ProtocolName.Text());
        Assert.Equal("2.0", via.ProtocolVersion.Text());
        Assert.Equal("TCP", via.Transport.Text());
        Assert.Equal("proxy.example.com", via.Host.Text());
        Assert.Equal(5070, via.Port);
        Assert.Equal("z9hG4bKa1", via.Branch.Text());
        Assert.Equal("192.0.2.7", via.Received.Text());
        Assert.True(via.HasRPort);
        Assert.Equal(40000, via.RPort);
        Assert.Equal("224.2.0.1", via.MAddr.Text());
        Assert.Equal(16, via.Ttl);
    }

    [Fact]
    public void Empty_rport_is_a_request_for_one()
    {
        var via = Parse("SIP/2.0/UDP 192.0.2.10;rport;branch=z9hG4bKb1");

        Assert.True(via.HasRPort);
        Assert.Null(via.RPort);
        Assert.Null(via.Port);
    }

    [Fact]
    public void Ipv6_sent_by_and_received_are_read()
    {
        var via = Parse("SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bKc1;received=2001:db8::1");

        Assert.Equal("[2001:db8::9]", via.Host.Text());
        Assert.Equal(5060, via.Port);
        Assert.Equal("2001:db8::1", via.Received.Text());
    }

    [Theory]
    [InlineData("SIP/2.0 host")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("SIP/2.0/UDP host:70000")]
    [InlineData("SIP/2.0/UDP host;ttl=256")]
    [InlineData("SIP/2.0/UDP host;rport=x")]
    [InlineData("SIP/2.0/UDP host;received=not-an-address")]
    [InlineData("SIP/2.0/UDP 192.0.2.15;;")]
    public void Malformed_via_is_refused(string text) => Assert.False(ViaHeader.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
