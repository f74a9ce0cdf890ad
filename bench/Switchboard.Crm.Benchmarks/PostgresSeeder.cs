using Npgsql;
using NpgsqlTypes;

namespace Switchboard.Crm.Benchmarks;

/// <summary>Writes contacts into PostgreSQL with binary COPY, one table at a time, then refreshes the planner's statistics.</summary>
internal sealed class PostgresSeeder(string connectionString) : IContactSeeder
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task SeedAsync(int count, Guid vipLabelId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var label = new NpgsqlCommand("INSERT INTO labels (id, name, name_key) VALUES ($1, $2, 'vip')", connection))
        {
            label.Parameters.Add(new NpgsqlParameter { Value = vipLabelId });
            label.Parameters.Add(new NpgsqlParameter { Value = SyntheticContacts.VipLabel });
            await label.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(connection, "contacts (id, name, sort_key, description, created_at)", count, async (writer, contact) =>
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(contact.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(contact.Name, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(contact.SortKey, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync("", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, "contact_name_words (contact_id, word)", count, async (writer, contact) =>
        {
            foreach (var word in contact.Words)
                await writer.WriteRowAsync(cancellationToken, contact.Id, word);
        }, cancellationToken);
        await CopyAsync(connection, "contact_phones (contact_id, number, type, is_primary)", count, async (writer, contact) =>
        {
            foreach (var (number, type, primary) in contact.Phones)
                await writer.WriteRowAsync(cancellationToken, contact.Id, number, type, primary);
        }, cancellationToken);
        await CopyAsync(connection, "contact_emails (contact_id, address_key, address)", count, (writer, contact) =>
            writer.WriteRowAsync(cancellationToken, contact.Id, contact.Email, contact.Email), cancellationToken);
        await CopyAsync(connection, "contact_attributes (contact_id, key, value, value_key)", count, async (writer, contact) =>
        {
            foreach (var (key, value) in contact.Attributes)
                await writer.WriteRowAsync(cancellationToken, contact.Id, key, value, value.ToLowerInvariant());
        }, cancellationToken);
        await CopyAsync(connection, "contact_labels (contact_id, label_id)", count, async (writer, contact) =>
        {
            if (contact.Vip)
                await writer.WriteRowAsync(cancellationToken, contact.Id, vipLabelId);
        }, cancellationToken);

        await using var analyze = new NpgsqlCommand("ANALYZE;", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection,
        string table,
        int count,
        Func<NpgsqlBinaryImporter, SyntheticContact, Task> write,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var index = 0; index < count; index++)
            await write(writer, SyntheticContacts.Create(index));
        await writer.CompleteAsync(cancellationToken);
    }
}
