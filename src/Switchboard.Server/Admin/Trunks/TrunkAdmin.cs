using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Trunks;
using Switchboard.Server.Security;
using Switchboard.Server.TelephonyHosting;

namespace Switchboard.Server.Admin.Trunks;

/// <summary>
/// The SIP trunks: who may send calls in, where calls go out, and how Switchboard registers. Registration status
/// is shown when telephony runs in this host (<paramref name="registrations"/> is absent otherwise).
/// </summary>
public sealed class TrunkAdmin(SwitchboardDbContext db, TrunkPasswords passwords, TrunkRegistrations? registrations = null)
{
    public const int MaxNameLength = 100;

    public const int MinExpiresSeconds = 60;

    public const int MaxExpiresSeconds = 86400;

    public async Task<IReadOnlyList<TrunkView>> ListAsync(CancellationToken cancellationToken)
    {
        var trunks = await db.Trunks.AsNoTracking().ToListAsync(cancellationToken);
        return [.. trunks.OrderBy(trunk => trunk.Name, StringComparer.OrdinalIgnoreCase).Select(View)];
    }

    public async Task<TrunkView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var trunk = await db.Trunks.AsNoTracking().FirstOrDefaultAsync(trunk => trunk.Id == id, cancellationToken);
        return trunk is null ? null : View(trunk);
    }

    public async Task<AdminResult<TrunkView>> CreateAsync(TrunkInput input, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(null, input, storedPassword: null, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<TrunkView>.Invalid(errors);

        var trunk = new Trunk { Name = "" };
        Apply(input, trunk);
        db.Trunks.Add(trunk);
        var refused = await db.SaveOrCheckAgainAsync(token => ValidateAsync(null, input, storedPassword: null, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<TrunkView>.Invalid(refused);

        return AdminResult<TrunkView>.Ok(View(trunk));
    }

    public async Task<AdminResult<TrunkView>> UpdateAsync(Guid id, TrunkInput input, CancellationToken cancellationToken)
    {
        var trunk = await db.Trunks.FirstOrDefaultAsync(trunk => trunk.Id == id, cancellationToken);
        if (trunk is null)
            return AdminResult<TrunkView>.NotFound();

        var storedPassword = trunk.Registration?.Password;
        var errors = await ValidateAsync(id, input, storedPassword, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<TrunkView>.Invalid(errors);

        Apply(input, trunk);
        var refused = await db.SaveOrCheckAgainAsync(token => ValidateAsync(id, input, storedPassword, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<TrunkView>.Invalid(refused);

        return AdminResult<TrunkView>.Ok(View(trunk));
    }

    public async Task<AdminResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var trunk = await db.Trunks.FirstOrDefaultAsync(trunk => trunk.Id == id, cancellationToken);
        if (trunk is null)
            return AdminResult<bool>.NotFound();

        db.Trunks.Remove(trunk);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult<bool>.Ok(true);
    }

    /// <summary>
    /// Applies validated input; addresses are stored in their canonical form, a new password encrypted, and an omitted
    /// password keeps the stored one.
    /// </summary>
    private void Apply(TrunkInput input, Trunk trunk)
    {
        trunk.Name = input.Name.Trim();
        trunk.InboundAddresses = [.. (input.InboundAddresses ?? []).Select(address => AddressRange.Parse(address).ToString())];
        trunk.OutboundHost = string.IsNullOrWhiteSpace(input.OutboundHost) ? null : input.OutboundHost.Trim();
        trunk.Registration = input.Registration is { } registration
            ? new TrunkRegistration(
                registration.Registrar.Trim(),
                registration.Username.Trim(),
                registration.Password is { Length: > 0 } password ? passwords.Protect(password) : trunk.Registration?.Password ?? "",
                registration.ExpiresSeconds)
            : null;
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(
        Guid? id,
        TrunkInput input,
        string? storedPassword,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = ["Enter a name"];
        else if (name.Length > MaxNameLength)
            errors["name"] = [$"Too long: a name has at most {MaxNameLength} characters"];
        else if (await NameTakenAsync(id, name, cancellationToken))
            errors["name"] = [$"A trunk named '{name}' already exists."];

        var addresses = input.InboundAddresses ?? [];
        for (var index = 0; index < addresses.Count; index++)
        {
            if (!AddressRange.TryParse(addresses[index], out _, out var addressError))
                errors[$"inboundAddresses[{index}]"] = [addressError];
        }

        if (!string.IsNullOrWhiteSpace(input.OutboundHost) && !HostAndPort.TryValidate(input.OutboundHost, out var hostError))
            errors["outboundHost"] = [hostError];

        if (input.Registration is { } registration)
            ValidateRegistration(registration, storedPassword, errors);

        return errors;
    }

    private static void ValidateRegistration(TrunkRegistrationInput registration, string? storedPassword, Dictionary<string, string[]> errors)
    {
        if (!HostAndPort.TryValidate(registration.Registrar, out var registrarError))
            errors["registration.registrar"] = [registrarError];
        if (string.IsNullOrWhiteSpace(registration.Username))
            errors["registration.username"] = ["Enter the username the carrier gave you"];
        if (string.IsNullOrEmpty(registration.Password) && string.IsNullOrEmpty(storedPassword))
            errors["registration.password"] = ["Enter the password the carrier gave you"];
        if (registration.ExpiresSeconds is < MinExpiresSeconds or > MaxExpiresSeconds)
            errors["registration.expiresSeconds"] = [$"Registration lasts {MinExpiresSeconds} to {MaxExpiresSeconds} seconds"];
    }

    private async Task<bool> NameTakenAsync(Guid? id, string name, CancellationToken cancellationToken)
    {
        // Compared in memory: case-insensitive comparison does not translate to SQL alike on SQLite and PostgreSQL,
        // and there are few names.
        var others = await db.Trunks.AsNoTracking().Where(trunk => trunk.Id != id).Select(trunk => trunk.Name).ToListAsync(cancellationToken);
        return others.Any(other => string.Equals(other, name, StringComparison.OrdinalIgnoreCase));
    }

    private TrunkView View(Trunk trunk) => TrunkView.From(trunk, trunk.Registration is null ? null : registrations?.StatusOf(trunk.Id));
}
