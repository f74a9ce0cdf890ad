using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Headers;

public class ContentTypeHeaderTests
{
    [Fact]
    public void Media_type_and_parameters_are_read()
    {
        Assert.True(ContentTypeHeader.TryParse("Application/SDP ; charset=\"utf-8\""u8.ToArray(), out var contentType));

        Assert.True(contentType.Is("application/sdp"u8));
        Assert.False(contentType.Is("application/json"u8));
        Assert.True(contentType.Parameters.TryGetValue("charset"u8, out var charset));
        Assert.Equal("utf-8", charset.Text());
    }

    [Theory]
    [InlineData("application")]
    [InlineData("application/")]
    [InlineData("/sdp")]
    [InlineData("application/sdp;")]
    public void Malformed_media_type_is_refused(string text) =>
        Assert.False(ContentTypeHeader.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
