using Switchboard.Media.WebRtc.Ice;

namespace Switchboard.Media.Tests.WebRtc.Ice;

public class IceCredentialsTests
{
    [Fact]
    public void Generated_credentials_are_long_enough_ice_chars()
    {
        var credentials = IceCredentials.Generate();

        Assert.True(credentials.UsernameFragment.Length >= 4);
        Assert.True(credentials.Password.Length >= 22);
        Assert.All(credentials.UsernameFragment + credentials.Password, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'));
    }

    [Fact]
    public void Each_session_gets_its_own_credentials()
    {
        Assert.NotEqual(IceCredentials.Generate(), IceCredentials.Generate());
    }
}
