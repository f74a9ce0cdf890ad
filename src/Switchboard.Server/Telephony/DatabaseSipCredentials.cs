using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Sip.Authentication;

namespace Switchboard.Server.Telephony;

/// <summary>The digest hashes of users' SIP devices, read from storage for each authentication.</summary>
public sealed class DatabaseSipCredentials(IDbContextFactory<SwitchboardDbContext> contexts) : ISipCredentialLookup
{
    public async ValueTask<SipDigestCredentials?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var device = await db.Users.AsNoTracking()
            .Where(user => user.SipDevice != null && user.SipDevice.Username == username)
            .Select(user => user.SipDevice)
            .FirstOrDefaultAsync(cancellationToken);
        return device is null ? null : new SipDigestCredentials(device.Ha1Md5, device.Ha1Sha256);
    }
}
