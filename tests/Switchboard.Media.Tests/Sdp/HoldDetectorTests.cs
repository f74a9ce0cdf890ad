using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public class HoldDetectorTests
{
    [Theory]
    [InlineData("c=IN IP4 127.0.0.1", "a=sendonly", true)]
    [InlineData("c=IN IP4 127.0.0.1", "a=inactive", true)]
    [InlineData("c=IN IP4 0.0.0.0", "a=sendrecv", true)]
    [InlineData("c=IN IP4 127.0.0.1", "a=sendrecv", false)]
    [InlineData("c=IN IP4 127.0.0.1", "a=recvonly", false)]
    [InlineData("c=IN IP4 127.0.0.1", "a=label:1", false)]
    public void Re_invite_holds_the_call_when_the_peer_stops_listening(string connection, string attribute, bool hold)
    {
        var offer = CapturedOffers.Parse($"v=0\r\no=- 7 8 IN IP4 127.0.0.1\r\ns=-\r\n{connection}\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n{attribute}\r\n");

        Assert.Equal(hold, HoldDetector.IsHold(offer));
    }

    [Fact]
    public void Session_level_sendonly_holds_every_stream()
    {
        var offer = CapturedOffers.Parse("v=0\r\no=- 7 8 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\na=sendonly\r\nm=audio 4000 RTP/AVP 0\r\n");

        Assert.True(HoldDetector.IsHold(offer));
    }
}
