using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Server.Security;

/// <summary>
/// At start, encrypts the trunk passwords an older version stored in plain text. All rows change in one transaction,
/// so a failure leaves every password as it was; encrypted values carry the marker and are left alone.
/// </summary>
public sealed partial class TrunkPasswordUpgrade(SwitchboardDbContext db, TrunkPasswords passwords, ILogger<TrunkPasswordUpgrade> logger)
{
    public async Task ProtectPlainPasswordsAsync(CancellationToken cancellationToken)
    {
        var trunks = await db.Trunks.Where(trunk => trunk.Registration != null).ToListAsync(cancellationToken);
        var plain = trunks.Where(trunk => trunk.Registration!.Password.Length > 0 && !TrunkPasswords.IsProtected(trunk.Registration.Password)).ToList();
        if (plain.Count == 0)
            return;
        foreach (var trunk in plain)
            trunk.Registration = trunk.Registration! with { Password = passwords.Protect(trunk.Registration.Password) };
        await db.SaveChangesAsync(cancellationToken);
        LogProtected(logger, plain.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted the registration passwords of {Count} trunks stored in plain text by an older version")]
    private static partial void LogProtected(ILogger logger, int count);
}
