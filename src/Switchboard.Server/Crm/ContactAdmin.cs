using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin;

namespace Switchboard.Server.Crm;

/// <summary>
/// Creates, changes and deletes contacts, links and unlinks their numbers and messaging identities, and binds
/// calls to them; for the REST API, the CRM pages and (later) the agent's Client info alike.
/// </summary>
public sealed class ContactAdmin(SwitchboardDbContext db, ContactDirectory directory, TimeProvider time)
{
    public async Task<AdminResult<ContactView>> CreateAsync(ContactInput input, CancellationToken cancellationToken)
    {
        var (normalized, errors) = ContactInputRules.Normalize(input);
        await CheckOwnerAsync(normalized.OwnerId, errors, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<ContactView>.Invalid(errors);

        var contact = new Contact { Name = normalized.Name, CreatedAt = time.GetUtcNow() };
        await ApplyAsync(contact, normalized, cancellationToken);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(contact.Id, cancellationToken);
    }

    /// <summary>
    /// A contact for a caller nobody knew yet: named as the agent typed, with the caller's number linked and the call
    /// bound, so the next call from that number is identified.
    /// </summary>
    public async Task<AdminResult<ContactView>> CreateFromCallAsync(string name, string callerNumber, TimelineEntryInput call, CancellationToken cancellationToken)
    {
        var errors = CheckTimelineEntry(call);
        if (errors.Count > 0)
            return AdminResult<ContactView>.Invalid(errors.ToDictionary(e => $"call.{e.Key}", e => e.Value));

        var created = await CreateAsync(new ContactInput(name, Phones: [new ContactPhoneInput(callerNumber, Primary: true)]), cancellationToken);
        if (!created.Succeeded)
            return created;
        var bound = await BindToTimelineAsync(created.Value!.Id, call, cancellationToken);
        return bound.Succeeded ? await ViewAsync(created.Value.Id, cancellationToken) : AdminResult<ContactView>.Invalid(bound.Errors);
    }

    public async Task<AdminResult<ContactView>> UpdateAsync(Guid id, ContactInput input, CancellationToken cancellationToken)
    {
        var contact = await LoadAsync(id, cancellationToken);
        if (contact is null)
            return AdminResult<ContactView>.NotFound();

        var (normalized, errors) = ContactInputRules.Normalize(input);
        await CheckOwnerAsync(normalized.OwnerId, errors, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<ContactView>.Invalid(errors);

        await ApplyAsync(contact, normalized, cancellationToken);
        contact.Name = normalized.Name;
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(id, cancellationToken);
    }

    /// <summary>Deletes the contact with its numbers, identities, e-mails, attributes and timeline.</summary>
    public async Task<AdminResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
            return AdminResult<bool>.NotFound();

        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult<bool>.Ok(true);
    }

    /// <summary>Links the number to the contact, or changes its type and primary flag when it is linked already.</summary>
    public async Task<AdminResult<ContactView>> LinkPhoneAsync(Guid id, ContactPhoneInput phone, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.Phones).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
            return AdminResult<ContactView>.NotFound();

        var errors = new Dictionary<string, string[]>();
        if (!ContactInputRules.TryNormalizePhone(phone, "", errors, out var normalized))
            return AdminResult<ContactView>.Invalid(errors.ToDictionary(e => e.Key.TrimStart('.'), e => e.Value));

        contact.LinkPhone(normalized.Number, normalized.Type, normalized.IsPrimary);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(id, cancellationToken);
    }

    /// <summary>Unlinks the number (any notation); not found when the contact does not have it.</summary>
    public async Task<AdminResult<ContactView>> UnlinkPhoneAsync(Guid id, string number, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.Phones).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null || E164.Normalize(number) is not { } e164 || !contact.UnlinkPhone(e164))
            return AdminResult<ContactView>.NotFound();

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(id, cancellationToken);
    }

    public async Task<AdminResult<ContactView>> LinkMessagingIdentityAsync(Guid id, MessagingIdentityInput identity, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.MessagingIdentities).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
            return AdminResult<ContactView>.NotFound();

        var errors = new Dictionary<string, string[]>();
        if (!ContactInputRules.TryNormalizeMessagingIdentity(identity, "", errors, out var normalized))
            return AdminResult<ContactView>.Invalid(errors.ToDictionary(e => e.Key.TrimStart('.'), e => e.Value));

        contact.LinkMessagingIdentity(normalized.Channel, normalized.Identifier);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(id, cancellationToken);
    }

    public async Task<AdminResult<ContactView>> UnlinkMessagingIdentityAsync(Guid id, string channel, string identifier, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.Include(c => c.MessagingIdentities).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null || !contact.UnlinkMessagingIdentity(channel.Trim().ToLowerInvariant(), identifier.Trim()))
            return AdminResult<ContactView>.NotFound();

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(id, cancellationToken);
    }

    /// <summary>
    /// Binds a call (or chat) to the contact's timeline. Binding the same one again changes nothing and returns the
    /// entry already there, so a retried request does not duplicate it.
    /// </summary>
    public async Task<AdminResult<TimelineEntryView>> BindToTimelineAsync(Guid id, TimelineEntryInput input, CancellationToken cancellationToken)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == id, cancellationToken))
            return AdminResult<TimelineEntryView>.NotFound();
        var errors = CheckTimelineEntry(input);
        if (errors.Count > 0)
            return AdminResult<TimelineEntryView>.Invalid(errors);

        var referenceId = input.ReferenceId.Trim();
        var existing = await db.Timeline.AsNoTracking()
            .FirstOrDefaultAsync(e => e.ContactId == id && e.Kind == input.Kind && e.ReferenceId == referenceId, cancellationToken);
        if (existing is not null)
            return AdminResult<TimelineEntryView>.Ok(TimelineEntryView.From(existing));

        var entry = new TimelineEntry { ContactId = id, Kind = input.Kind, ReferenceId = referenceId, At = input.At, Summary = input.Summary?.Trim() ?? "" };
        db.Timeline.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another request bound the same call a moment earlier: binding is idempotent, so theirs is the answer.
            db.Entry(entry).State = EntityState.Detached;
            var bound = await db.Timeline.AsNoTracking()
                .FirstAsync(e => e.ContactId == id && e.Kind == input.Kind && e.ReferenceId == referenceId, cancellationToken);
            return AdminResult<TimelineEntryView>.Ok(TimelineEntryView.From(bound));
        }

        return AdminResult<TimelineEntryView>.Ok(TimelineEntryView.From(entry));
    }

    private static Dictionary<string, string[]> CheckTimelineEntry(TimelineEntryInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(input.Kind))
            errors["kind"] = ["Choose call or chat."];
        var referenceId = input.ReferenceId?.Trim() ?? "";
        if (referenceId.Length == 0)
            errors["referenceId"] = ["Give the id of the call or chat."];
        else if (referenceId.Length > TimelineEntry.MaxReferenceIdLength)
            errors["referenceId"] = [$"An id has at most {TimelineEntry.MaxReferenceIdLength} characters."];
        if (input.At == default)
            errors["at"] = ["Give the time of the call or chat."];
        if ((input.Summary?.Trim().Length ?? 0) > TimelineEntry.MaxSummaryLength)
            errors["summary"] = [$"A summary has at most {TimelineEntry.MaxSummaryLength} characters."];
        return errors;
    }

    private async Task CheckOwnerAsync(Guid? ownerId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (ownerId is { } id && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
            errors["ownerId"] = ["There is no such user."];
    }

    private async Task ApplyAsync(Contact contact, NormalizedContact normalized, CancellationToken cancellationToken)
    {
        // First, while the contact is unchanged: new labels are saved on their own.
        var labelIds = await LabelIdsAsync(normalized.LabelNames, cancellationToken);
        contact.TimeZone = normalized.TimeZone;
        contact.OwnerId = normalized.OwnerId;
        contact.Description = normalized.Description;
        contact.SetPhones(normalized.Phones);
        contact.SetMessagingIdentities(normalized.MessagingIdentities);
        contact.SetEmails(normalized.Emails);
        contact.SetAttributes(normalized.Attributes);
        contact.SetLabels(labelIds);
    }

    /// <summary>
    /// The ids of the labels named (names compared folded), saving those that do not exist yet. When another request
    /// saves one of them first (two contacts saved at once with a new label), the unique index refuses ours, and the
    /// labels are looked up again: theirs is found and used.
    /// </summary>
    private async Task<List<Guid>> LabelIdsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var added = await AddMissingLabelsAsync(names, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            foreach (var label in added)
                db.Entry(label).State = EntityState.Detached;
            await AddMissingLabelsAsync(names, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var keys = names.Select(ContactName.Fold).ToList();
        var ids = await db.Labels.AsNoTracking()
            .Where(l => keys.Contains(l.NameKey))
            .ToDictionaryAsync(l => l.NameKey, l => l.Id, cancellationToken);
        return [.. keys.Select(key => ids[key])];
    }

    /// <summary>Adds, unsaved, a label for each name not saved yet, and returns them.</summary>
    private async Task<List<Label>> AddMissingLabelsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var keys = names.Select(ContactName.Fold).ToList();
        var saved = await db.Labels.AsNoTracking().Where(l => keys.Contains(l.NameKey)).Select(l => l.NameKey).ToListAsync(cancellationToken);
        var added = names
            .Where(name => !saved.Contains(ContactName.Fold(name)))
            .DistinctBy(ContactName.Fold)
            .Select(name => new Label { Name = name })
            .ToList();
        db.Labels.AddRange(added);
        return added;
    }

    private Task<Contact?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Contacts.AsSplitQuery()
            .Include(c => c.Phones).Include(c => c.MessagingIdentities).Include(c => c.Emails)
            .Include(c => c.Attributes).Include(c => c.Labels).Include(c => c.NameWords)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private async Task<AdminResult<ContactView>> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        await directory.GetAsync(id, cancellationToken) is { } view ? AdminResult<ContactView>.Ok(view) : AdminResult<ContactView>.NotFound();
}
