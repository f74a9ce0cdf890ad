namespace Switchboard.Crm.Benchmarks;

/// <summary>Fills a migrated, empty database with <see cref="SyntheticContacts"/>, as fast as the engine allows.</summary>
internal interface IContactSeeder
{
    Task SeedAsync(int count, Guid vipLabelId, CancellationToken cancellationToken);
}
