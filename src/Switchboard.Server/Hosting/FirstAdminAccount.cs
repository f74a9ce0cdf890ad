using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Users;

namespace Switchboard.Server.Hosting;

/// <summary>
/// On the very first start (no user at all) creates the "admin" account, so that someone can log in and
/// configure the rest.
/// </summary>
public sealed partial class FirstAdminAccount(
    SwitchboardDbContext db,
    IPasswordHasher<User> hasher,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<FirstAdminAccount> logger)
{
    /// <summary>Environment variable (or configuration key) holding the first admin's password.</summary>
    public const string PasswordVariable = "SWITCHBOARD_ADMIN_PASSWORD";

    public const string Username = "admin";

    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
            return;

        var configured = configuration[PasswordVariable];
        var password = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetString(PasswordAlphabet, 20) : configured;
        var admin = new User
        {
            Username = Username,
            DisplayName = "Administrator",
            Role = Role.Admin,
            CrmAccess = true,
            PasswordHash = "",
            CreatedAt = time.GetUtcNow(),
        };
        admin.PasswordHash = hasher.HashPassword(admin, password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(cancellationToken);

        LogCreated(logger, Username);
        if (string.IsNullOrEmpty(configured))
        {
            // Straight to the console, once: a password must never reach the log files or a log collector.
            await Console.Out.WriteLineAsync(
                $"Switchboard created the user '{Username}' with the password: {password}{Environment.NewLine}" +
                $"It is shown only this once. Set {PasswordVariable} before the first start to choose it.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No user existed: created the first admin account '{Username}'")]
    private static partial void LogCreated(ILogger logger, string username);
}
