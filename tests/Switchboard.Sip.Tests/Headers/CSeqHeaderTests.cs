using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Headers;

public class CSeqHeaderTests
{
    [Fact]
    public void Number_and_method_are_read()
    {
        Assert.True(CSeqHeader.TryParse("2147483647 REGISTER"u8.ToArray(), out var cseq));

        Assert.Equal(2147483647u, cseq.Number);
        Assert.Equal("REGISTER", cseq.Method.Text());
    }

    [Theory]
    [InlineData("INVITE")]
    [InlineData("1")]
    [InlineData("1INVITE")]
    [InlineData("-1 INVITE")]
    [InlineData("2147483648 INVITE")]
    [InlineData("1 INVITE extra")]
    [InlineData("1 INV@TE")]
    public void Number_and_method_must_both_be_valid(string text) => Assert.False(CSeqHeader.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
