using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Users;

namespace Switchboard.Server.Security;

/// <summary>
/// Checks a username and password, for both the browser login and the API token login, within the web's
/// brute-force limits: a blocked address or account is refused before the password is checked, and every failure
/// is logged with the address (by <see cref="SignInThrottle"/>).
/// </summary>
public sealed class PasswordLogin(
    SwitchboardDbContext db,
    IPasswordHasher<User> hasher,
    [FromKeyedServices(SignInLimitsRegistration.Web)] SignInThrottle throttle)
{
    // Checked when the username is unknown, so that a wrong username costs as long as a wrong password.
    private static readonly Lazy<(User User, string Hash)> Decoy = new(() =>
    {
        var decoy = new User { Username = "decoy", DisplayName = "decoy", PasswordHash = "" };
        return (decoy, new PasswordHasher<User>().HashPassword(decoy, Guid.NewGuid().ToString()));
    });

    /// <summary>The user when the password is right; otherwise why not (the password itself is never logged).</summary>
    public async Task<PasswordCheck> VerifyAsync(string username, string password, IPAddress source, CancellationToken cancellationToken)
    {
        var normalized = username.Trim().ToLowerInvariant();
        if (throttle.RefusedFor(source, normalized) is var blocked && blocked > TimeSpan.Zero)
            return new PasswordCheck(null, blocked);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == normalized, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, password);
            throttle.Failed(source, normalized, "unknown user");
            return new PasswordCheck(null, TimeSpan.Zero);
        }

        switch (hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                throttle.Succeeded(source, normalized);
                return new PasswordCheck(user, TimeSpan.Zero);
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.PasswordHash = hasher.HashPassword(user, password);
                await db.SaveChangesAsync(cancellationToken);
                throttle.Succeeded(source, normalized);
                return new PasswordCheck(user, TimeSpan.Zero);
            default:
                throttle.Failed(source, normalized, "wrong password");
                return new PasswordCheck(null, TimeSpan.Zero);
        }
    }
}
