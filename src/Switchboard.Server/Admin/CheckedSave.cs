using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Server.Admin;

/// <summary>
/// Saves a change whose unique names the service has checked. When another request saved the same name between
/// that check and this save, the database's unique index refuses the change; the check, run again, then sees the
/// other request's row and names the field at fault, as it would have had the other request come first.
/// </summary>
internal static class CheckedSave
{
    /// <summary>Saves and returns no errors, or returns the errors by field that <paramref name="check"/> finds once the competing change is saved.</summary>
    public static async Task<Dictionary<string, string[]>> SaveOrCheckAgainAsync(
        this SwitchboardDbContext db,
        Func<CancellationToken, Task<Dictionary<string, string[]>>> check,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Dictionary<string, string[]>();
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The refused change stays out of every later save of this request's context.
            db.ChangeTracker.Clear();
            var errors = await check(cancellationToken);
            if (errors.Count == 0)
                throw;
            return errors;
        }
    }
}
