namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// sipp as a carrier's registrar: it answers the REGISTER requests of one trunk (one Call-ID, so one sipp call),
/// challenging with digest realm <see cref="Realm"/> where the scenario says so.
/// </summary>
internal static class SippRegistrarScenarios
{
    public const string Realm = "carrier.test";

    /// <summary>
    /// Challenges the first REGISTER, checks the answer against <paramref name="password"/> (a wrong one is refused
    /// and fails the run), grants
    /// <paramref name="grantedSeconds"/> through the contact's expires, then takes the refresh without a new challenge.
    /// </summary>
    public static string ChallengeGrantAndRefresh(string username, string password, int grantedSeconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="registrar-refresh">
          <recv request="REGISTER"/>
        {{Challenge()}}
          <recv request="REGISTER">
            <action><verifyauth assign_to="authvalid" username="{{username}}" password="{{password}}"/></action>
          </recv>
          <nop hide="true" test="authvalid" next="granted"/>
        {{Respond("403 Forbidden")}}
          <recv response="999" timeout="100"/>
          <label id="granted"/>
        {{Grant(grantedSeconds)}}
          <recv request="REGISTER"/>
        {{Grant(grantedSeconds)}}
        </scenario>
        """;

    /// <summary>Challenges and then refuses with 403, twice: the second round shows the trunk tried again.</summary>
    public static string RefuseTwice() => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="registrar-refuse">
          <recv request="REGISTER"/>
        {{Challenge()}}
          <recv request="REGISTER"/>
        {{Respond("403 Forbidden")}}
          <recv request="REGISTER"/>
        {{Challenge()}}
          <recv request="REGISTER"/>
        {{Respond("403 Forbidden")}}
        </scenario>
        """;

    /// <summary>Grants the first REGISTER for <paramref name="grantedSeconds"/>; the next must remove it (Expires: 0).</summary>
    public static string GrantThenExpectRemoval(int grantedSeconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="registrar-removal">
          <recv request="REGISTER"/>
        {{Grant(grantedSeconds)}}
          <recv request="REGISTER">
            <action><ereg regexp="Expires: 0" search_in="msg" check_it="true" assign_to="removal"/></action>
          </recv>
        {{Respond("200 OK")}}
          <Reference variables="removal"/>
        </scenario>
        """;

    private static string Challenge() => Respond("401 Unauthorized", $"""WWW-Authenticate: Digest realm="{Realm}", nonce="a1b2c3d4e5f6", algorithm=MD5""");

    private static string Grant(int seconds) => Respond("200 OK", $"[last_Contact:];expires={seconds}");

    // A blank line would end the headers, so the extra header is a whole line or nothing.
    private static string Respond(string status, string? extraHeader = null) => $"""
          <send>
            <![CDATA[

              SIP/2.0 {status}
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]{(extraHeader is null ? "" : "\n              " + extraHeader)}
              Content-Length: 0

            ]]>
          </send>
        """;
}
