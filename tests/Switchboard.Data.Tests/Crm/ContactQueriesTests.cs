using Microsoft.EntityFrameworkCore;
using Switchboard.Data.Crm;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Tests.Crm;

public class ContactQueriesTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_contact_reads_back_with_everything_it_was_saved_with(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var owner = new User { Username = "olga", DisplayName = "Olga", PasswordHash = "hash", CreatedAt = CreatedAt };
        var vip = new Label { Name = "VIP" };
        var contact = NewContact("Zoë Müller");
        contact.TimeZone = "Europe/Berlin";
        contact.OwnerId = owner.Id;
        contact.Description = "Prefers mornings.";
        contact.SetPhones([new ContactPhone { Number = "+4930123456", Type = PhoneType.Work, IsPrimary = true }, new ContactPhone { Number = "+491701234567" }]);
        contact.SetMessagingIdentities([new MessagingIdentity { Channel = "telegram", Identifier = "@zoe" }]);
        contact.SetEmails(["Zoe@Example.com"]);
        contact.SetAttributes([new("customer no", "C-1042")]);
        contact.SetLabels([vip.Id]);
        await using (var context = storage.CreateContext())
        {
            context.AddRange(owner, vip, contact);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var saved = await reader.Contacts.AsSplitQuery()
            .Include(c => c.Phones).Include(c => c.MessagingIdentities).Include(c => c.Emails)
            .Include(c => c.Attributes).Include(c => c.Labels).Include(c => c.NameWords)
            .SingleAsync();
        Assert.Equal(("Zoë Müller", "zoe muller", "Europe/Berlin", owner.Id, "Prefers mornings."), (saved.Name, saved.SortKey, saved.TimeZone, saved.OwnerId, saved.Description));
        Assert.Equal(CreatedAt, saved.CreatedAt);
        Assert.Equal(
            [("+491701234567", PhoneType.Mobile, false), ("+4930123456", PhoneType.Work, true)],
            saved.Phones.OrderBy(p => p.Number, StringComparer.Ordinal).Select(p => (p.Number, p.Type, p.IsPrimary)));
        Assert.Equal([("telegram", "@zoe")], saved.MessagingIdentities.Select(m => (m.Channel, m.Identifier)));
        Assert.Equal([("Zoe@Example.com", "zoe@example.com")], saved.Emails.Select(e => (e.Address, e.AddressKey)));
        Assert.Equal([("customer no", "C-1042", "c-1042")], saved.Attributes.Select(a => (a.Key, a.Value, a.ValueKey)));
        Assert.Equal([vip.Id], saved.Labels.Select(l => l.LabelId));
        Assert.Equal(["muller", "zoe"], saved.NameWords.Select(w => w.Word).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Renaming_and_changing_phones_of_a_saved_contact_is_saved(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var contact = NewContact("Ann Smith");
        contact.SetPhones([new ContactPhone { Number = "+14155550100", IsPrimary = true }, new ContactPhone { Number = "+14155550101" }]);
        await SaveAsync(storage, contact);

        await using (var context = storage.CreateContext())
        {
            var editing = await context.Contacts.Include(c => c.Phones).Include(c => c.NameWords).SingleAsync();
            editing.Name = "Ann Jones";
            editing.SetPhones([new ContactPhone { Number = "+14155550101", Type = PhoneType.Home, IsPrimary = true }, new ContactPhone { Number = "+14155550102" }]);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        Assert.Equal(["Ann Jones"], (await reader.SearchAsync(new ContactCriteria { NameWords = ["jon"] }, ContactOrder.NameAscending, 1, 10, CancellationToken.None)).Items.Select(c => c.Name));
        Assert.Empty((await reader.SearchAsync(new ContactCriteria { NameWords = ["smith"] }, ContactOrder.NameAscending, 1, 10, CancellationToken.None)).Items);
        Assert.Empty(await reader.IdentifyByNumberAsync("+14155550100", CancellationToken.None));
        var byNumber = Assert.Single(await reader.IdentifyByNumberAsync("+14155550101", CancellationToken.None));
        Assert.Equal(("Ann Jones", "+14155550101"), (byNumber.Name, byNumber.Phone));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Name_search_matches_the_start_of_every_word_typed_in_name_order(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        await SaveAsync(storage, NewContact("Ann Smith"), NewContact("Smithers, Anna"), NewContact("Joanna Smith"), NewContact("Ánnika Óskarsdóttir"), NewContact("Annz Mo"));

        await using var context = storage.CreateContext();
        async Task<IEnumerable<string>> NamesAsync(params string[] words) =>
            (await context.SearchAsync(new ContactCriteria { NameWords = words }, ContactOrder.NameAscending, 1, 10, CancellationToken.None)).Items.Select(c => c.Name);

        Assert.Equal(["Ann Smith", "Smithers, Anna"], await NamesAsync("ann", "sm"));
        Assert.Equal(["Ann Smith", "Ánnika Óskarsdóttir", "Annz Mo", "Smithers, Anna"], await NamesAsync("ann"));
        Assert.Equal(["Ánnika Óskarsdóttir"], await NamesAsync("osk"));
        Assert.Empty(await NamesAsync("nna"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Combined_criteria_find_only_contacts_matching_every_one(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var owner = new User { Username = "olga", DisplayName = "Olga", PasswordHash = "hash", CreatedAt = CreatedAt };
        var vip = new Label { Name = "VIP" };
        Contact Client(string name, string number, string email, string tier, bool isVip, Guid? ownerId)
        {
            var contact = NewContact(name);
            contact.OwnerId = ownerId;
            contact.SetPhones([new ContactPhone { Number = number }]);
            contact.SetEmails([email]);
            contact.SetAttributes([new("tier", tier)]);
            contact.SetLabels(isVip ? [vip.Id] : []);
            return contact;
        }

        await using (var context = storage.CreateContext())
        {
            context.AddRange(owner, vip);
            context.Contacts.AddRange(
                Client("Anna Annika Berg", "+14155550100", "anna@example.com", "gold", isVip: true, owner.Id),
                Client("Anna Berg", "+14155550101", "berg@example.com", "gold", isVip: false, owner.Id),
                Client("Anna Bergman", "+14155550102", "bergman@example.com", "silver", isVip: true, owner.Id),
                Client("Anna Berger", "+14155550103", "berger@example.com", "gold", isVip: true, null));
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        async Task<(int Total, IEnumerable<string> Names)> FindAsync(ContactCriteria criteria)
        {
            var page = await reader.SearchAsync(criteria, ContactOrder.NameAscending, 1, 10, CancellationToken.None);
            return (page.Total, page.Items.Select(c => c.Name));
        }

        var everything = new ContactCriteria { NameWords = ["ann", "berg"], AttributeValueKey = "gold", LabelId = vip.Id, OwnerId = owner.Id };
        var found = await FindAsync(everything);
        // "Anna Annika Berg" has two words starting with "ann" and still counts once.
        Assert.Equal(1, found.Total);
        Assert.Equal(["Anna Annika Berg"], found.Names);
        Assert.Equal(["Anna Annika Berg"], (await FindAsync(everything with { PhoneNumber = "+14155550100", EmailKey = "anna@example.com" })).Names);
        Assert.Empty((await FindAsync(everything with { PhoneNumber = "+14155550101" })).Names);
        Assert.Equal(["Anna Annika Berg", "Anna Berg", "Anna Bergman"], (await FindAsync(new ContactCriteria { OwnerId = owner.Id })).Names);
        Assert.Equal(["Anna Annika Berg", "Anna Berger", "Anna Bergman"], (await FindAsync(new ContactCriteria { LabelId = vip.Id, NameWords = ["ann"] })).Names);
        var goldVips = await FindAsync(new ContactCriteria { NameWords = ["berg", "anna"], AttributeValueKey = "gold", LabelId = vip.Id });
        Assert.Equal(2, goldVips.Total);
        Assert.Equal(["Anna Annika Berg", "Anna Berger"], goldVips.Names);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Paging_gives_each_contact_once_and_the_total(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        await SaveAsync(storage, [.. Enumerable.Range(1, 7).Select(i => NewContact($"Client {i:00}"))]);

        await using var context = storage.CreateContext();
        var pages = new List<ContactPage>();
        for (var page = 1; page <= 3; page++)
            pages.Add(await context.SearchAsync(new ContactCriteria(), ContactOrder.NameAscending, page, 3, CancellationToken.None));

        Assert.All(pages, page => Assert.Equal(7, page.Total));
        Assert.Equal(
            Enumerable.Range(1, 7).Select(i => $"Client {i:00}"),
            pages.SelectMany(page => page.Items).Select(c => c.Name));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Name_order_Z_to_A_pages_through_every_contact_backwards_with_or_without_name_words(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        await SaveAsync(storage, [.. Enumerable.Range(1, 7).Select(i => NewContact($"Client {i:00}")), NewContact("Ánnika Berg"), NewContact("Zoë Berg")]);

        await using var context = storage.CreateContext();
        var pages = new List<ContactPage>();
        for (var page = 1; page <= 3; page++)
            pages.Add(await context.SearchAsync(new ContactCriteria(), ContactOrder.NameDescending, page, 4, CancellationToken.None));
        var bergs = await context.SearchAsync(new ContactCriteria { NameWords = ["berg"] }, ContactOrder.NameDescending, 1, 10, CancellationToken.None);

        Assert.All(pages, page => Assert.Equal(9, page.Total));
        Assert.Equal(
            ["Zoë Berg", .. Enumerable.Range(1, 7).Reverse().Select(i => $"Client {i:00}"), "Ánnika Berg"],
            pages.SelectMany(page => page.Items).Select(c => c.Name));
        Assert.Equal(["Zoë Berg", "Ánnika Berg"], bergs.Items.Select(c => c.Name));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Deleting_a_contact_removes_its_rows_and_timeline(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var contact = NewContact("Ann Smith");
        contact.SetPhones([new ContactPhone { Number = "+14155550100" }]);
        contact.SetEmails(["ann@example.com"]);
        await SaveAsync(storage, contact);
        await using (var context = storage.CreateContext())
        {
            context.Timeline.Add(new TimelineEntry { ContactId = contact.Id, ReferenceId = "call-1", At = CreatedAt, Summary = "Asked about billing" });
            await context.SaveChangesAsync();
            context.Contacts.Remove(await context.Contacts.SingleAsync());
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        Assert.Empty(await reader.IdentifyByNumberAsync("+14155550100", CancellationToken.None));
        Assert.Equal(0, await reader.ContactIdsWithEmail("ann@example.com").CountAsync());
        Assert.Empty(await reader.Timeline.ToListAsync());
    }

    private static Contact NewContact(string name) => new() { Name = name, CreatedAt = CreatedAt };

    private static async Task SaveAsync(TestStorage storage, params Contact[] contacts)
    {
        await using var context = storage.CreateContext();
        context.Contacts.AddRange(contacts);
        await context.SaveChangesAsync();
    }

    private static async Task<TestStorage> MigratedAsync(StorageProvider provider)
    {
        var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        return storage;
    }
}
