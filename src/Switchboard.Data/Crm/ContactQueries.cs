using Microsoft.EntityFrameworkCore;
using Switchboard.Data.Configurations.Crm;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Crm;

/// <summary>
/// Identification and search of contacts. A search starts from the index of its most selective criterion instead
/// of scanning contacts, and only the page's contacts are read from the contacts table.
/// </summary>
public static class ContactQueries
{
    public static IQueryable<Guid> ContactIdsWithNumber(this SwitchboardDbContext db, string e164) =>
        db.Set<ContactPhone>().Where(p => p.Number == e164).Select(p => EF.Property<Guid>(p, ContactPart.ContactId));

    public static IQueryable<Guid> ContactIdsWithMessagingIdentity(this SwitchboardDbContext db, string channel, string identifier) =>
        db.Set<MessagingIdentity>()
            .Where(m => m.Channel == channel && m.Identifier == identifier)
            .Select(m => EF.Property<Guid>(m, ContactPart.ContactId));

    public static IQueryable<Guid> ContactIdsWithEmail(this SwitchboardDbContext db, string emailKey) =>
        db.Set<ContactEmail>().Where(e => e.AddressKey == emailKey).Select(e => EF.Property<Guid>(e, ContactPart.ContactId));

    public static IQueryable<Guid> ContactIdsWithAttribute(this SwitchboardDbContext db, string valueKey, string? key)
    {
        var attributes = db.Set<ContactAttribute>().Where(a => a.ValueKey == valueKey);
        if (key is not null)
            attributes = attributes.Where(a => a.Key == key);
        return attributes.Select(a => EF.Property<Guid>(a, ContactPart.ContactId));
    }

    /// <summary>Contacts with a name word starting with <paramref name="prefix"/>: a range over the word index.</summary>
    public static IQueryable<Guid> ContactIdsWithNameWordStarting(this SwitchboardDbContext db, string prefix)
    {
        var bound = ContactName.PrefixUpperBound(prefix);
        return db.Set<ContactNameWord>()
            .Where(w => string.Compare(w.Word, prefix) >= 0 && string.Compare(w.Word, bound) < 0)
            .Select(w => EF.Property<Guid>(w, ContactPart.ContactId));
    }

    public static IQueryable<Guid> ContactIdsWithLabel(this SwitchboardDbContext db, Guid labelId) =>
        db.Set<ContactLabel>().Where(l => l.LabelId == labelId).Select(l => EF.Property<Guid>(l, ContactPart.ContactId));

    /// <summary>
    /// The ids of the contacts matching every part of <paramref name="criteria"/>, and whether each comes only once;
    /// null when nothing narrows the search. The most selective criterion is read off its index: exact
    /// numbers and addresses first, then attribute values, then the longest name word. Each other criterion is then
    /// checked per candidate by a probe of the contact's own rows (their keys start with the contact id), which costs
    /// a lookup per candidate rather than reading every contact the criterion would match.
    /// </summary>
    private static (IQueryable<Guid> Ids, bool Distinct)? Matching(this SwitchboardDbContext db, ContactCriteria criteria)
    {
        // Distinct: the first criterion's rows hold each contact at most once (their key is the contact id and the
        // value looked up), so counting them needs no DISTINCT.
        var criteriaInOrder = new List<(IQueryable<Guid> Ids, bool Distinct, Func<IQueryable<Guid>, IQueryable<Guid>> Narrow)>();
        if (criteria.PhoneNumber is { } number)
            criteriaInOrder.Add((db.ContactIdsWithNumber(number), true, ids => ids.Where(id => db.Set<ContactPhone>().Any(p => EF.Property<Guid>(p, ContactPart.ContactId) == id && p.Number == number))));
        if (criteria.EmailKey is { } email)
            criteriaInOrder.Add((db.ContactIdsWithEmail(email), true, ids => ids.Where(id => db.Set<ContactEmail>().Any(e => EF.Property<Guid>(e, ContactPart.ContactId) == id && e.AddressKey == email))));
        if (criteria.AttributeValueKey is { } value)
        {
            var key = criteria.AttributeKey;
            criteriaInOrder.Add((db.ContactIdsWithAttribute(value, key), key is not null, ids => ids.Where(id => db.Set<ContactAttribute>()
                .Any(a => EF.Property<Guid>(a, ContactPart.ContactId) == id && a.ValueKey == value && (key == null || a.Key == key)))));
        }

        foreach (var word in criteria.NameWords.OrderByDescending(word => word.Length))
        {
            var bound = ContactName.PrefixUpperBound(word);
            criteriaInOrder.Add((db.ContactIdsWithNameWordStarting(word), false, ids => ids.Where(id => db.Set<ContactNameWord>()
                .Any(w => EF.Property<Guid>(w, ContactPart.ContactId) == id && string.Compare(w.Word, word) >= 0 && string.Compare(w.Word, bound) < 0))));
        }

        if (criteria.LabelId is { } labelId)
            criteriaInOrder.Add((db.ContactIdsWithLabel(labelId), true, ids => ids.Where(id => db.Set<ContactLabel>().Any(l => EF.Property<Guid>(l, ContactPart.ContactId) == id && l.LabelId == labelId))));
        if (criteria.OwnerId is { } ownerId)
            criteriaInOrder.Add((db.Contacts.Where(c => c.OwnerId == ownerId).Select(c => c.Id), true, ids => ids.Where(id => db.Contacts.Any(c => c.Id == id && c.OwnerId == ownerId))));

        if (criteriaInOrder.Count == 0)
            return null;
        var matching = criteriaInOrder[0].Ids;
        foreach (var (_, _, narrow) in criteriaInOrder.Skip(1))
            matching = narrow(matching);
        return (matching, criteriaInOrder[0].Distinct);
    }

    /// <summary>
    /// One page of the matching contacts in name order, A to Z or as <paramref name="order"/> says (1-based
    /// <paramref name="page"/>), and how many match in all. The total is counted over the lookup indexes alone,
    /// without reading the contacts.
    /// </summary>
    public static async Task<ContactPage> SearchAsync(
        this SwitchboardDbContext db,
        ContactCriteria criteria,
        ContactOrder order,
        int page,
        int pageSize,
        CancellationToken cancellationToken)
    {
        var matching = db.Matching(criteria);
        var ids = matching?.Ids;
        var total = matching switch
        {
            null => await db.Contacts.CountAsync(cancellationToken).ConfigureAwait(false),
            { Distinct: true } => await matching.Value.Ids.CountAsync(cancellationToken).ConfigureAwait(false),
            _ => await matching.Value.Ids.Distinct().CountAsync(cancellationToken).ConfigureAwait(false),
        };
        var contacts = ids is null ? db.Contacts.AsNoTracking() : db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id));
        var ordered = (criteria.NameWords.Count > 0, order) switch
        {
            (true, ContactOrder.NameDescending) => InReverseNameOrderOfMatches(contacts),
            (true, _) => InNameOrderOfMatches(contacts),
            (false, ContactOrder.NameDescending) => InReverseNameOrder(contacts),
            _ => InNameOrder(contacts),
        };
        var items = await db.SummariesAsync(ordered.Skip((page - 1) * pageSize).Take(pageSize), cancellationToken).ConfigureAwait(false);
        return new ContactPage(items, total, page, pageSize);
    }

    /// <summary>Every contact with the number, in name order: a number may be shared, e.g. by a family or an office.</summary>
    public static Task<IReadOnlyList<ContactSummary>> IdentifyByNumberAsync(this SwitchboardDbContext db, string e164, CancellationToken cancellationToken)
    {
        var ids = db.ContactIdsWithNumber(e164);
        return db.SummariesAsync(InNameOrder(db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))), cancellationToken);
    }

    public static Task<IReadOnlyList<ContactSummary>> IdentifyByMessagingIdentityAsync(
        this SwitchboardDbContext db,
        string channel,
        string identifier,
        CancellationToken cancellationToken)
    {
        var ids = db.ContactIdsWithMessagingIdentity(channel, identifier);
        return db.SummariesAsync(InNameOrder(db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))), cancellationToken);
    }

    private static IQueryable<Contact> InNameOrder(IQueryable<Contact> contacts) => contacts.OrderBy(c => c.SortKey).ThenBy(c => c.Id);

    /// <summary>Z to A: the name index read backwards.</summary>
    private static IQueryable<Contact> InReverseNameOrder(IQueryable<Contact> contacts) =>
        contacts.OrderByDescending(c => c.SortKey).ThenByDescending(c => c.Id);

    /// <summary>
    /// Name order for the contacts found by name words, sorting the matches themselves. Matches of a name word
    /// cluster in name order (every "Sara …" sorts together), so walking the name index until a page is full, as
    /// planners like to when they assume matches are spread evenly, can read most of the index first. An expression
    /// rather than the bare column keeps them from that plan.
    /// </summary>
    private static IQueryable<Contact> InNameOrderOfMatches(IQueryable<Contact> contacts) =>
        contacts.OrderBy(c => c.SortKey + "").ThenBy(c => c.Id);

    /// <summary>Z to A for the contacts found by name words, for the same reason as <see cref="InNameOrderOfMatches"/>.</summary>
    private static IQueryable<Contact> InReverseNameOrderOfMatches(IQueryable<Contact> contacts) =>
        contacts.OrderByDescending(c => c.SortKey + "").ThenByDescending(c => c.Id);

    /// <summary>
    /// The summaries of <paramref name="contacts"/> in their order. Labels come in a second query for just those
    /// contacts: a list inside each row would need SQL APPLY, which SQLite lacks.
    /// </summary>
    private static async Task<IReadOnlyList<ContactSummary>> SummariesAsync(
        this SwitchboardDbContext db,
        IQueryable<Contact> contacts,
        CancellationToken cancellationToken)
    {
        var rows = await contacts
            .Select(c => new
            {
                c.Id,
                c.Name,
                Phone = c.Phones.OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Number).Select(p => p.Number).FirstOrDefault(),
                Email = c.Emails.OrderBy(e => e.AddressKey).Select(e => e.Address).FirstOrDefault(),
                c.OwnerId,
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var ids = rows.Select(row => row.Id).ToList();
        var labels = await db.Set<ContactLabel>()
            .Where(cl => ids.Contains(EF.Property<Guid>(cl, ContactPart.ContactId)))
            .Join(db.Labels, cl => cl.LabelId, l => l.Id, (cl, l) => new { ContactId = EF.Property<Guid>(cl, ContactPart.ContactId), l.Name, l.NameKey })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var labelsByContact = labels
            .OrderBy(label => label.NameKey, StringComparer.Ordinal)
            .ToLookup(label => label.ContactId, label => label.Name);
        return [.. rows.Select(row => new ContactSummary(row.Id, row.Name, row.Phone, row.Email, row.OwnerId, [.. labelsByContact[row.Id]]))];
    }
}
