using Switchboard.Data.Crm;
using Switchboard.Domain.Crm;

namespace Switchboard.Crm.Benchmarks;

/// <summary>
/// The questions the CRM answers, through the same <see cref="ContactQueries"/> the API uses; each run asks about
/// a different contact, spread over the whole population.
/// </summary>
internal static class BenchQueries
{
    private const int PageSize = 25;

    public static IReadOnlyList<BenchQuery> For(int count, Guid vipLabelId)
    {
        int Pick(int run) => (int)((run * 7_919L + 104_729L) * 15_485_863L % count);

        return
        [
            new("Identify a caller by number (unique number)", async (db, run, ct) =>
                (await db.IdentifyByNumberAsync(SyntheticContacts.MobileNumber(Pick(run)), ct)).Count),
            new("Identify a caller by number (office number shared by 10)", async (db, run, ct) =>
                (await db.IdentifyByNumberAsync(SyntheticContacts.OfficeNumber(Pick(run)), ct)).Count),
            new("Search name: full name, e.g. \"anna berkalin\"", (db, run, ct) =>
                TotalAsync(db, new ContactCriteria { NameWords = ContactName.Words(SyntheticContacts.Create(Pick(run)).Name) }, ct)),
            new("Search name: last-name prefix, e.g. \"berka\" (~2,500 match)", (db, run, ct) =>
                TotalAsync(db, new ContactCriteria { NameWords = [ContactName.Fold(SyntheticContacts.LastName(Pick(run)))[..5]] }, ct)),
            new("Search name: common first name \"sara\" (~26,000 match)", (db, _, ct) =>
                TotalAsync(db, new ContactCriteria { NameWords = ["sara"] }, ct)),
            new("Search destination: e-mail", (db, run, ct) =>
                TotalAsync(db, new ContactCriteria { EmailKey = SyntheticContacts.Create(Pick(run)).Email }, ct)),
            new("Search destination: phone number", (db, run, ct) =>
                TotalAsync(db, new ContactCriteria { PhoneNumber = SyntheticContacts.MobileNumber(Pick(run)) }, ct)),
            new("Search attribute: customer number (unique)", (db, run, ct) =>
                TotalAsync(db, new ContactCriteria { AttributeValueKey = SyntheticContacts.CustomerNumber(Pick(run)).ToLowerInvariant(), AttributeKey = "customer no" }, ct)),
            new("Search attribute: tier \"gold\" (1 in 3 match)", (db, _, ct) =>
                TotalAsync(db, new ContactCriteria { AttributeValueKey = "gold" }, ct)),
            new("Filter label VIP (1 in 10 match)", (db, _, ct) =>
                TotalAsync(db, new ContactCriteria { LabelId = vipLabelId }, ct)),
            new("List all, first page", (db, _, ct) => TotalAsync(db, new ContactCriteria(), ct)),
        ];
    }

    private static async Task<int> TotalAsync(Switchboard.Data.SwitchboardDbContext db, ContactCriteria criteria, CancellationToken cancellationToken) =>
        (await db.SearchAsync(criteria, ContactOrder.NameAscending, 1, PageSize, cancellationToken)).Total;
}
