using Microsoft.EntityFrameworkCore;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Sounds;
using Switchboard.Domain.Trunks;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Tests.Configurations;

/// <summary>
/// Names the admin services compare ignoring case are unique ignoring case in the database too, so that a row slipping
/// past the services' check (two requests at once; here, a row saved behind the services' back) is refused.
/// </summary>
public class CaseInsensitiveIndexTests
{
    public static TheoryData<StorageProvider, string> NamedThings => new()
    {
        { StorageProvider.Sqlite, "username" },
        { StorageProvider.Sqlite, "sip username" },
        { StorageProvider.Sqlite, "sound" },
        { StorageProvider.Sqlite, "queue" },
        { StorageProvider.Sqlite, "scenario" },
        { StorageProvider.Sqlite, "trunk" },
        { StorageProvider.Postgres, "username" },
        { StorageProvider.Postgres, "sip username" },
        { StorageProvider.Postgres, "sound" },
        { StorageProvider.Postgres, "queue" },
        { StorageProvider.Postgres, "scenario" },
        { StorageProvider.Postgres, "trunk" },
    };

    [Theory]
    [MemberData(nameof(NamedThings))]
    public async Task A_name_that_differs_from_a_saved_one_only_by_case_is_refused_by_the_database(StorageProvider provider, string thing)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        await using (var context = storage.CreateContext())
        {
            context.Add(Named(thing, "Support", "first"));
            await context.SaveChangesAsync();
        }

        await using var racing = storage.CreateContext();
        racing.Add(Named(thing, "sUPPORT", "second"));

        await Assert.ThrowsAsync<DbUpdateException>(() => racing.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(NamedThings))]
    public async Task A_name_that_differs_from_a_saved_one_by_more_than_case_is_saved(StorageProvider provider, string thing)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        await using (var context = storage.CreateContext())
        {
            context.Add(Named(thing, "Support", "first"));
            await context.SaveChangesAsync();
        }

        await using var other = storage.CreateContext();
        other.Add(Named(thing, "Support 2", "second"));
        await other.SaveChangesAsync();

        await using var reader = storage.CreateContext();
        Assert.Equal(2, thing switch
        {
            "sound" => await reader.Sounds.CountAsync(),
            "queue" => await reader.Queues.CountAsync(),
            "scenario" => await reader.Scenarios.CountAsync(),
            "trunk" => await reader.Trunks.CountAsync(),
            _ => await reader.Users.CountAsync(),
        });
    }

    /// <summary>A new <paramref name="thing"/> named <paramref name="name"/>; <paramref name="other"/> fills the user's other unique name.</summary>
    private static object Named(string thing, string name, string other) => thing switch
    {
        "username" => NewUser(name, sipUsername: other),
        "sip username" => NewUser(other, sipUsername: name),
        "sound" => new Sound { Name = name, FileName = $"{other}.wav", CreatedAt = ConfigurationSample.CreatedAt },
        "queue" => new DistributionQueue { Name = name },
        "scenario" => new Scenario { Name = name, Actions = [new HangupAction()] },
        "trunk" => new Trunk { Name = name, InboundAddresses = ["198.51.100.7"] },
        _ => throw new ArgumentOutOfRangeException(nameof(thing), thing, "Not a named thing."),
    };

    private static User NewUser(string username, string sipUsername) => new()
    {
        Username = username,
        DisplayName = username,
        PasswordHash = "hash",
        SipDevice = new SipDeviceCredentials(sipUsername, "md5", "sha256"),
        CreatedAt = ConfigurationSample.CreatedAt,
    };
}
