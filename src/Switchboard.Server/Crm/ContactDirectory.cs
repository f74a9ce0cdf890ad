using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Data.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin;

namespace Switchboard.Server.Crm;

/// <summary>Reads contacts: one with everything it holds, searches, and identification of a caller or a chat.</summary>
public sealed class ContactDirectory(SwitchboardDbContext db)
{
    public async Task<ContactView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().AsSplitQuery()
            .Include(c => c.Phones).Include(c => c.MessagingIdentities).Include(c => c.Emails)
            .Include(c => c.Attributes).Include(c => c.Labels)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
            return null;

        var labelIds = contact.Labels.Select(l => l.LabelId).ToList();
        var labels = await db.Labels.AsNoTracking().Where(l => labelIds.Contains(l.Id)).ToListAsync(cancellationToken);
        var ownerName = contact.OwnerId is { } ownerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        // Ordered here: Entity Framework's SQLite provider does not translate ordering by DateTimeOffset.
        var entries = await db.Timeline.AsNoTracking().Where(e => e.ContactId == id).ToListAsync(cancellationToken);
        var calls = await TimelineCalls.ReadAsync(db, entries, cancellationToken);
        var timeline = entries
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Select(e => TimelineEntryView.From(e, calls))
            .ToList();

        return new ContactView(
            contact.Id,
            contact.Name,
            contact.TimeZone,
            contact.OwnerId,
            ownerName,
            [.. labels.OrderBy(l => l.NameKey, StringComparer.Ordinal).Select(l => l.Name)],
            contact.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value),
            contact.Description,
            [.. contact.Phones.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Number, StringComparer.Ordinal).Select(p => new ContactPhoneView(p.Number, p.Type, p.IsPrimary))],
            [.. contact.MessagingIdentities.OrderBy(m => m.Channel, StringComparer.Ordinal).ThenBy(m => m.Identifier, StringComparer.Ordinal).Select(m => new MessagingIdentityView(m.Channel, m.Identifier))],
            [.. contact.Emails.OrderBy(e => e.AddressKey, StringComparer.Ordinal).Select(e => e.Address)],
            timeline,
            contact.CreatedAt);
    }

    /// <summary>A page of the contacts matching <paramref name="input"/>; invalid when a part of it cannot match anything.</summary>
    public async Task<AdminResult<ContactPage>> SearchAsync(ContactSearchInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var page = input.Page ?? 1;
        var pageSize = input.PageSize ?? ContactSearchInput.DefaultPageSize;
        if (page < 1)
            errors["page"] = ["Pages are numbered from 1."];
        if (pageSize is < 1 or > ContactSearchInput.MaxPageSize)
            errors["pageSize"] = [$"A page holds 1 to {ContactSearchInput.MaxPageSize} contacts."];
        var order = input.Sort switch
        {
            null or "" or ContactSearchInput.ByName => ContactOrder.NameAscending,
            ContactSearchInput.ByNameDescending => ContactOrder.NameDescending,
            _ => (ContactOrder?)null,
        };
        if (order is null)
            errors["sort"] = [$"Contacts are sorted by name: \"{ContactSearchInput.ByName}\" from A to Z or \"{ContactSearchInput.ByNameDescending}\" from Z to A."];

        var criteria = new ContactCriteria
        {
            NameWords = ContactName.Words(input.Q),
            OwnerId = input.Owner,
            AttributeValueKey = string.IsNullOrWhiteSpace(input.Attribute) ? null : ContactName.Fold(input.Attribute),
            AttributeKey = string.IsNullOrWhiteSpace(input.AttributeKey) ? null : input.AttributeKey.Trim(),
        };
        if (!string.IsNullOrWhiteSpace(input.Destination))
        {
            if (input.Destination.Contains('@', StringComparison.Ordinal))
                criteria = criteria with { EmailKey = EmailAddress.Key(input.Destination) };
            else if (E164.TryNormalize(input.Destination, out var e164, out var error))
                criteria = criteria with { PhoneNumber = e164 };
            else
                errors["destination"] = [$"Not a phone number or e-mail address: {error}"];
        }

        if (errors.Count > 0)
            return AdminResult<ContactPage>.Invalid(errors);

        if (!string.IsNullOrWhiteSpace(input.Label))
        {
            var labelId = await LabelIdAsync(input.Label, cancellationToken);
            if (labelId is null)
                return AdminResult<ContactPage>.Ok(new ContactPage([], 0, page, pageSize));
            criteria = criteria with { LabelId = labelId };
        }

        return AdminResult<ContactPage>.Ok(await db.SearchAsync(criteria, order!.Value, page, pageSize, cancellationToken));
    }

    /// <summary>Every contact having <paramref name="number"/> (any international notation); invalid when it is not a number.</summary>
    public async Task<AdminResult<IReadOnlyList<ContactSummary>>> IdentifyByNumberAsync(string? number, CancellationToken cancellationToken)
    {
        if (!E164.TryNormalize(number, out var e164, out var error))
            return AdminResult<IReadOnlyList<ContactSummary>>.Invalid("number", error);
        return AdminResult<IReadOnlyList<ContactSummary>>.Ok(await db.IdentifyByNumberAsync(e164, cancellationToken));
    }

    /// <summary>Every contact with this identity on the messaging channel.</summary>
    public async Task<AdminResult<IReadOnlyList<ContactSummary>>> IdentifyByMessagingIdentityAsync(
        string? channel,
        string? identifier,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ContactInputRules.TryNormalizeMessagingIdentity(new MessagingIdentityInput(channel ?? "", identifier ?? ""), "", errors, out var identity))
            return AdminResult<IReadOnlyList<ContactSummary>>.Invalid(errors.ToDictionary(e => e.Key.TrimStart('.'), e => e.Value));
        return AdminResult<IReadOnlyList<ContactSummary>>.Ok(
            await db.IdentifyByMessagingIdentityAsync(identity.Channel, identity.Identifier, cancellationToken));
    }

    public async Task<IReadOnlyList<LabelView>> LabelsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Labels.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(l => l.NameKey, StringComparer.Ordinal)
            .Select(l => new LabelView(l.Id, l.Name))];

    private async Task<Guid?> LabelIdAsync(string label, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(label, out var id))
            return id;
        var key = ContactName.Fold(label);
        return await db.Labels.AsNoTracking().Where(l => l.NameKey == key).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
