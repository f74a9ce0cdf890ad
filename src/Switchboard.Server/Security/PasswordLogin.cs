using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Users;

namespace Switchboard.Server.Security;

/// <summary>Checks a username and password, for both the browser login and the API token login.</summary>
public sealed partial class PasswordLogin(SwitchboardDbContext db, IPasswordHasher<User> hasher, ILogger<PasswordLogin> logger)
{
    // Checked when the username is unknown, so that a wrong username costs as long as a wrong password.
    private static readonly Lazy<(User User, string Hash)> Decoy = new(() =>
    {
        var decoy = new User { Username = "decoy", DisplayName = "decoy", PasswordHash = "" };
        return (decoy, new PasswordHasher<User>().HashPassword(decoy, Guid.NewGuid().ToString()));
    });

    /// <summary>The user when the password is right; null otherwise (the attempt is logged without the password).</summary>
    public async Task<User?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        var normalized = username.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == normalized, cancellationToken);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Decoy.Value.User, Decoy.Value.Hash, password);
            LogUnknownUser(logger, normalized);
            return null;
        }

        switch (hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return user;
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.PasswordHash = hasher.HashPassword(user, password);
                await db.SaveChangesAsync(cancellationToken);
                return user;
            default:
                LogWrongPassword(logger, normalized);
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login failed: no user '{Username}'")]
    private static partial void LogUnknownUser(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login failed: wrong password for '{Username}'")]
    private static partial void LogWrongPassword(ILogger logger, string username);
}
