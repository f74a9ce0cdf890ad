using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Switchboard.Data;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Usages;
using Switchboard.Server.Hosting;
using Switchboard.Server.Security;
using Switchboard.Server.TelephonyHosting;
using Switchboard.Sip.Authentication;

namespace Switchboard.Server.Admin.Users;

/// <summary>
/// Creates, changes and deletes users for the REST API and the admin pages alike. Passwords are kept only as
/// hashes; SIP device passwords only as digest HA1 hashes.
/// </summary>
public sealed class UserAdmin(
    SwitchboardDbContext db,
    IPasswordHasher<User> hasher,
    IOptions<SwitchboardOptions> options,
    TimeProvider time,
    ConfigurationUsages usages,
    CurrentAccount currentAccount,
    AccountCache accounts,
    DatabaseSipCredentials sipCredentials)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync(cancellationToken);
        return [.. users.Select(UserView.From)];
    }

    public async Task<UserView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user
            ? UserView.From(user)
            : null;

    public async Task<AdminResult<UserView>> CreateAsync(UserInput input, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(null, input, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<UserView>.Invalid(errors);

        var user = new User
        {
            Username = UserInputRules.NormalizeUsername(input.Username),
            DisplayName = input.DisplayName.Trim(),
            PasswordHash = "",
            CreatedAt = time.GetUtcNow(),
        };
        Apply(user, input);
        db.Users.Add(user);
        var refused = await db.SaveOrCheckAgainAsync(token => ValidateAsync(null, input, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<UserView>.Invalid(refused);

        await SipDevicesChangedAsync();
        return AdminResult<UserView>.Ok(UserView.From(user));
    }

    public async Task<AdminResult<UserView>> UpdateAsync(Guid id, UserInput input, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
            return AdminResult<UserView>.NotFound();

        var errors = await ValidateAsync(user, input, cancellationToken);
        if (user.Role == Role.Admin && input.Role != Role.Admin && await IsLastAdminAsync(cancellationToken))
            Add(errors, "role", "This is the last admin: make another user admin first.");
        if (errors.Count > 0)
            return AdminResult<UserView>.Invalid(errors);

        user.Username = UserInputRules.NormalizeUsername(input.Username);
        user.DisplayName = input.DisplayName.Trim();
        Apply(user, input);
        var refused = await db.SaveOrCheckAgainAsync(token => ValidateAsync(user, input, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<UserView>.Invalid(refused);

        accounts.Forget(user.Id);
        await SipDevicesChangedAsync();
        return AdminResult<UserView>.Ok(UserView.From(user));
    }

    /// <summary>Changes only the fields <paramref name="patch"/> gives, under the same rules as a full update.</summary>
    public async Task<AdminResult<UserView>> PatchAsync(Guid id, UserPatch patch, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) is { } current
            ? await UpdateAsync(id, patch.ApplyTo(current), cancellationToken)
            : AdminResult<UserView>.NotFound();

    /// <summary>
    /// Refused while a queue or scenario still names the user, for the admin's own account, and for the last admin
    /// (so that somebody can always configure the switchboard).
    /// </summary>
    public async Task<AdminResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
            return AdminResult<bool>.NotFound();
        if (await currentAccount.GetUserIdAsync(cancellationToken) == id)
            return AdminResult<bool>.Invalid("id", "You cannot delete your own account.");
        if (user.Role == Role.Admin && await IsLastAdminAsync(cancellationToken))
            return AdminResult<bool>.Invalid("id", "This is the last admin: make another user admin first.");

        var usedBy = await usages.UsagesOfUserAsync(id, cancellationToken);
        if (usedBy.Count > 0)
            return AdminResult<bool>.InUse(usedBy);

        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        accounts.Forget(id);
        await SipDevicesChangedAsync();
        return AdminResult<bool>.Ok(true);
    }

    // Not the request's token: once saved, the SIP side must see the change even if the caller went away.
    private Task SipDevicesChangedAsync() => sipCredentials.ReloadAsync(CancellationToken.None);

    private void Apply(User user, UserInput input)
    {
        user.Role = input.Role;
        user.CrmAccess = input.CrmAccess;
        user.WebphoneEnabled = input.WebphoneEnabled;
        if (!string.IsNullOrEmpty(input.Password))
            user.PasswordHash = hasher.HashPassword(user, input.Password);

        var sipUsername = input.SipUsername?.Trim();
        if (string.IsNullOrEmpty(sipUsername))
            user.SipDevice = null;
        else if (!string.IsNullOrEmpty(input.SipPassword))
            user.SipDevice = DeviceCredentials(sipUsername, input.SipPassword, options.Value.Sip.Realm);
        // Otherwise the device keeps its username and hashes, which validation has checked are unchanged.
    }

    /// <summary>What is stored of a SIP device's secret: the digest hashes the SIP stack computes, never the password.</summary>
    private static SipDeviceCredentials DeviceCredentials(string username, string password, string realm)
    {
        var digest = SipDigestCredentials.Create(username, password, realm);
        return new SipDeviceCredentials(username, digest.Ha1Md5, digest.Ha1Sha256);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(User? existing, UserInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var username = UserInputRules.NormalizeUsername(input.Username);
        var exceptId = existing?.Id ?? Guid.Empty;
        if (!UserInputRules.Username().IsMatch(username))
            Add(errors, "username", "2 to 64 characters: lower-case letters, digits, '.', '_' or '-'.");
        else if (await db.Users.AnyAsync(u => u.Username == username && u.Id != exceptId, cancellationToken))
            Add(errors, "username", $"The username '{username}' is already taken.");

        if (string.IsNullOrWhiteSpace(input.DisplayName))
            Add(errors, "displayName", "Required.");
        else if (input.DisplayName.Trim().Length > UserInputRules.MaximumDisplayNameLength)
            Add(errors, "displayName", $"At most {UserInputRules.MaximumDisplayNameLength} characters.");

        if (!Enum.IsDefined(input.Role))
            Add(errors, "role", "One of admin, supervisor or agent.");

        if (existing is null && string.IsNullOrEmpty(input.Password))
            Add(errors, "password", "Required for a new user.");
        else if (!string.IsNullOrEmpty(input.Password) && input.Password.Length < UserInputRules.MinimumPasswordLength)
            Add(errors, "password", $"At least {UserInputRules.MinimumPasswordLength} characters.");

        await ValidateSipDeviceAsync(existing, input, errors, cancellationToken);
        return errors;
    }

    private async Task ValidateSipDeviceAsync(User? existing, UserInput input, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var sipUsername = input.SipUsername?.Trim();
        if (string.IsNullOrEmpty(sipUsername))
        {
            if (!string.IsNullOrEmpty(input.SipPassword))
                Add(errors, "sipUsername", "Required with a SIP password.");
            return;
        }

        if (!UserInputRules.SipUsername().IsMatch(sipUsername))
            Add(errors, "sipUsername", "1 to 64 characters: letters, digits, '.', '_', '~', '+' or '-'.");
        else if (await IsSipUsernameTakenAsync(sipUsername, existing?.Id, cancellationToken))
            Add(errors, "sipUsername", $"The SIP username '{sipUsername}' is already taken.");

        // The stored hashes include the SIP username, so a new username needs the password again.
        var keepsDevice = existing?.SipDevice?.Username == sipUsername;
        if (string.IsNullOrEmpty(input.SipPassword))
        {
            if (!keepsDevice)
                Add(errors, "sipPassword", "Required for a new SIP device or a changed SIP username.");
        }
        else if (input.SipPassword.Length < UserInputRules.MinimumPasswordLength)
        {
            Add(errors, "sipPassword", $"At least {UserInputRules.MinimumPasswordLength} characters.");
        }
    }

    // Compared ignoring case so that two devices never differ by case alone; users are few, so they are read whole.
    private async Task<bool> IsSipUsernameTakenAsync(string sipUsername, Guid? exceptUserId, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.SipDevice != null).ToListAsync(cancellationToken);
        return users.Any(u => u.Id != exceptUserId && string.Equals(u.SipDevice!.Username, sipUsername, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<bool> IsLastAdminAsync(CancellationToken cancellationToken) =>
        await db.Users.CountAsync(u => u.Role == Role.Admin, cancellationToken) <= 1;

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var messages) ? [.. messages, message] : [message];
}
