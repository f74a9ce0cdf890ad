using Switchboard.Media.WebRtc.Dtls;

namespace Switchboard.Media.Tests.WebRtc.Dtls;

public class DtlsSetupsTests
{
    [Theory]
    [InlineData("actpass", "passive", DtlsRole.Server)]
    [InlineData("active", "passive", DtlsRole.Server)]
    [InlineData("passive", "active", DtlsRole.Client)]
    public void Answer_to_the_offered_setup_decides_our_role(string offered, string answered, DtlsRole role)
    {
        Assert.True(DtlsSetups.TryParse(offered, out var offer));

        Assert.True(DtlsSetups.TryAnswer(offer, out var answer));

        Assert.Equal(answered, DtlsSetups.Format(answer.Value));
        Assert.Equal(role, DtlsSetups.RoleOf(answer.Value));
    }

    [Fact]
    public void Holdconn_offer_gets_no_answer()
    {
        Assert.False(DtlsSetups.TryAnswer(DtlsSetup.HoldConn, out _));
    }

    [Fact]
    public void Unknown_setup_value_is_not_read() => Assert.False(DtlsSetups.TryParse("sideways", out _));
}
