using Microsoft.EntityFrameworkCore;
using Switchboard.Data.Crm;
using Switchboard.Data.Migrations;
using Switchboard.Data.Tests.Migrations;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Tests.Crm;

public class ContactsMigrationTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_database_from_before_contacts_keeps_its_users_who_may_then_own_contacts(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var contactsVersion = MigrationScripts.For(provider).Single(script => script.Name == "contacts").Version;
        await storage.Migrator.MigrateToAsync(contactsVersion - 1, CancellationToken.None);
        Assert.DoesNotContain("contacts", await storage.TablesAsync());
        var userId = Guid.CreateVersion7();
        await storage.ExecuteAsync($"""
            INSERT INTO users (id, username, display_name, role, password_hash, crm_access, webphone_enabled, created_at)
            VALUES ('{userId.ToString().ToUpperInvariant()}', 'olga', 'Olga', 'Agent', 'hash', TRUE, TRUE, '2025-11-02 08:15:00+00:00')
            """);

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var contact = new Contact { Name = "Ann Smith", OwnerId = userId };
        contact.SetPhones([new ContactPhone { Number = "+14155550100" }]);
        context.Contacts.Add(contact);
        await context.SaveChangesAsync();
        Assert.Equal(userId, Assert.Single(await context.IdentifyByNumberAsync("+14155550100", CancellationToken.None)).OwnerId);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_deleted_user_leaves_their_contacts_without_an_owner(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        var owner = new Domain.Users.User { Username = "olga", DisplayName = "Olga", PasswordHash = "hash" };
        var contact = new Contact { Name = "Ann Smith", OwnerId = owner.Id };
        await using (var context = storage.CreateContext())
        {
            context.AddRange(owner, contact);
            await context.SaveChangesAsync();
        }

        await storage.ExecuteAsync("DELETE FROM users WHERE username = 'olga'");

        await using var reader = storage.CreateContext();
        var saved = await reader.Contacts.SingleAsync();
        Assert.Equal(("Ann Smith", null), (saved.Name, saved.OwnerId));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Every_lookup_of_identification_and_search_has_its_index(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);

        var schema = await SchemaCatalog.DescribeAsync(storage);

        foreach (var index in (string[])
            [
                "ix_contact_phones_number", "ix_contact_messaging_identities_channel_identifier", "ix_contact_emails_address_key",
                "ix_contact_attributes_value_key", "ix_contact_name_words_word", "ix_contact_labels_label_id", "ix_contacts_sort_key_id",
                "ix_contacts_owner_id",
            ])
            Assert.Contains(schema, line => line.StartsWith("index ", StringComparison.Ordinal) && line.Contains(index, StringComparison.Ordinal));
        if (provider == StorageProvider.Postgres)
        {
            // Prefix ranges over the word index are exact only in bytewise order, whatever the database's locale.
            Assert.Equal(
                ["C"],
                await storage.QueryAsync("SELECT collation_name FROM information_schema.columns WHERE table_name = 'contact_name_words' AND column_name = 'word'"));
        }
    }
}
