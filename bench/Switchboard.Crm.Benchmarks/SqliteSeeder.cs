using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Switchboard.Crm.Benchmarks;

/// <summary>
/// Writes contacts into SQLite the fast way: one prepared statement per table, reused with new parameter values,
/// a transaction per batch. Values are written as Entity Framework's SQLite provider writes them (Guids as
/// upper-case text, instants as ISO text), so the application reads the rows as its own.
/// </summary>
internal sealed class SqliteSeeder(string connectionString) : IContactSeeder
{
    private const int BatchSize = 50_000;

    public async Task SeedAsync(int count, Guid vipLabelId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF;", cancellationToken);
        await ExecuteAsync(connection, $"INSERT INTO labels (id, name, name_key) VALUES ('{Text(vipLabelId)}', '{SyntheticContacts.VipLabel}', 'vip');", cancellationToken);
        var createdAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

        for (var start = 0; start < count; start += BatchSize)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            using var contacts = Prepare(connection, transaction, "INSERT INTO contacts (id, name, sort_key, time_zone, owner_id, description, created_at) VALUES ($1, $2, $3, NULL, NULL, '', $4)", 4);
            using var words = Prepare(connection, transaction, "INSERT INTO contact_name_words (contact_id, word) VALUES ($1, $2)", 2);
            using var phones = Prepare(connection, transaction, "INSERT INTO contact_phones (contact_id, number, type, is_primary) VALUES ($1, $2, $3, $4)", 4);
            using var emails = Prepare(connection, transaction, "INSERT INTO contact_emails (contact_id, address_key, address) VALUES ($1, $2, $3)", 3);
            using var attributes = Prepare(connection, transaction, "INSERT INTO contact_attributes (contact_id, key, value, value_key) VALUES ($1, $2, $3, $4)", 4);
            using var labels = Prepare(connection, transaction, "INSERT INTO contact_labels (contact_id, label_id) VALUES ($1, $2)", 2);

            for (var index = start; index < Math.Min(count, start + BatchSize); index++)
            {
                var contact = SyntheticContacts.Create(index);
                var id = Text(contact.Id);
                Run(contacts, id, contact.Name, contact.SortKey, createdAt);
                foreach (var word in contact.Words)
                    Run(words, id, word);
                foreach (var (number, type, primary) in contact.Phones)
                    Run(phones, id, number, type, primary ? 1 : 0);
                Run(emails, id, contact.Email, contact.Email);
                foreach (var (key, value) in contact.Attributes)
                    Run(attributes, id, key, value, value.ToLowerInvariant());
                if (contact.Vip)
                    Run(labels, id, Text(vipLabelId));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await ExecuteAsync(connection, "ANALYZE;", cancellationToken);
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
