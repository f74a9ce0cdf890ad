using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Server.Security;

/// <summary>
/// Keeps data-protection keys in the database, so cookies and bearer tokens survive a restart and are accepted
/// by every node sharing the database.
/// </summary>
/// <remarks>The interface is synchronous; the key ring is read rarely (at start and when it expires).</remarks>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
        return [.. db.DataProtectionKeys.AsNoTracking().Select(key => key.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
