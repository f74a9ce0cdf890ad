namespace Switchboard.Server.Security;

/// <summary>Authentication scheme names: the browser's cookie, the API's bearer token, and the policy picking one.</summary>
public static class SwitchboardSchemes
{
    /// <summary>The default: bearer when the request has an Authorization header, else the cookie.</summary>
    public const string CookieOrBearer = "switchboard";

    public const string Cookie = "switchboard.cookie";

    public const string Bearer = "switchboard.bearer";
}
