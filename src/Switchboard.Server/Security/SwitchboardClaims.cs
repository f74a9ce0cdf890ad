using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Domain.Users;
using UserRole = Switchboard.Domain.Users.Role;

namespace Switchboard.Server.Security;

/// <summary>The claims a logged-in user carries, and how they are read back.</summary>
public static class SwitchboardClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;

    public const string Username = ClaimTypes.Name;

    public const string DisplayName = "display_name";

    public const string Role = ClaimTypes.Role;

    public const string Crm = "crm";

    /// <summary>Which password the login was made with: a session or token from before a password change stops working.</summary>
    public const string PasswordStamp = "password_stamp";

    /// <summary>The browser session a cookie belongs to: logging out ends it on the server (<see cref="EndedSessions"/>).</summary>
    public const string SessionId = "sid";

    /// <summary>The role claim value of a role: <c>admin</c>, <c>supervisor</c> or <c>agent</c>.</summary>
    public static string RoleValue(UserRole role) => role switch
    {
        UserRole.Admin => "admin",
        UserRole.Supervisor => "supervisor",
        _ => "agent",
    };

    /// <summary>A principal describing <paramref name="user"/> as authenticated by <paramref name="scheme"/>, in <paramref name="sessionId"/> for a cookie.</summary>
    public static ClaimsPrincipal PrincipalFor(User user, string scheme, string? sessionId = null)
    {
        List<Claim> claims =
        [
            new(UserId, user.Id.ToString()),
            new(Username, user.Username),
            new(DisplayName, user.DisplayName),
            new(Role, RoleValue(user.Role)),
            new(Crm, user.CrmAccess ? "true" : "false"),
            new(PasswordStamp, PasswordStampOf(user)),
        ];
        if (sessionId is not null)
            claims.Add(new Claim(SessionId, sessionId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, Username, Role));
    }

    /// <summary>
    /// A short digest of the user's stored password hash: it changes with the password (the hash is salted anew) and
    /// tells nothing of the password itself.
    /// </summary>
    public static string PasswordStampOf(User user) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)).AsSpan(0, 12));

    /// <summary>The id of the logged-in user, or null when anonymous.</summary>
    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserId), CultureInfo.InvariantCulture, out var id) ? id : null;
}
