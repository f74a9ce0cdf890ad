using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data.Configurations;
using Switchboard.Data.Migrations;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Trunks;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Tests.Migrations;

public class DatabaseMigratorTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migrating_an_empty_database_creates_the_schema(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(
            [
                "call_record_agents", "call_record_transfers", "call_records", "contact_attributes", "contact_emails", "contact_labels", "contact_messaging_identities", "contact_name_words",
                "contact_phones", "contact_timeline", "contacts", "data_protection_keys", "ended_sessions", "labels", "numbers", "queue_events", "queue_members",
                "queues", "scenarios", "schema_migrations", "sip_registrations", "sounds", "trunks", "users",
            ],
            await storage.TablesAsync());
        var steps = await storage.QueryAsync("SELECT version, name FROM schema_migrations ORDER BY version");
        Assert.Equal(["1 configuration", "2 data_protection_keys", "3 queue_events", "4 call_records", "5 contacts", "6 case_insensitive_names", "7 queue_event_sequence", "8 call_records_from_start", "9 sip_registrations", "10 ended_sessions", "11 call_record_agents", "12 wrap_ups", "13 call_detail_indexes", "14 call_record_agent_parts"], steps);
        Assert.Equal(steps.Count, storage.Migrator.LatestVersion);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migrating_again_changes_nothing(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);
        var history = await storage.QueryAsync("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(history, await storage.QueryAsync("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
        await using var context = storage.CreateContext();
        Assert.Equal("+14155550123", (await context.Numbers.SingleAsync()).Number);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Each_applied_step_is_recorded_with_the_time_it_was_applied(StorageProvider provider)
    {
        var appliedAt = new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);
        await using var storage = await TestStorage.CreateAsync(provider, new FixedTimeProvider(appliedAt));

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var recorded = await context.Database
            .SqlQueryRaw<DateTimeOffset>("SELECT applied_at AS \"Value\" FROM schema_migrations ORDER BY version")
            .ToListAsync();
        Assert.Equal(Enumerable.Repeat(appliedAt, storage.Migrator.LatestVersion), recorded);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_migrated_schema_matches_the_model(StorageProvider provider)
    {
        await using var migrated = await TestStorage.CreateAsync(provider);
        await migrated.Migrator.MigrateAsync(CancellationToken.None);
        await using var generated = await TestStorage.CreateAsync(provider);
        IModel model;
        await using (var context = generated.CreateContext())
        {
            await context.Database.EnsureCreatedAsync();
            model = context.Model;
        }

        var expected = AsBuiltIgnoringCase(await SchemaCatalog.DescribeAsync(generated), model, provider);
        var actual = await SchemaCatalog.DescribeAsync(migrated);

        Assert.Contains(expected, line => line.Contains("queue_members", StringComparison.Ordinal) && line.Contains("position", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("ix_users_sip_username", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("ix_queue_events_agent_id_at", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("queue_events", StringComparison.Ordinal) && line.Contains("offer_id", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("ix_call_records_caller_number_started_at", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_1_database_keeps_its_configuration(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(1, CancellationToken.None);
        Assert.DoesNotContain("data_protection_keys", await storage.TablesAsync());
        var version1 = new Version1Rows();
        await storage.ExecuteAsync(version1.InsertSql);

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var user = await context.Users.SingleAsync();
        Assert.Equal(version1.UserId, user.Id);
        Assert.Equal("carol", user.Username);
        Assert.Equal(Role.Admin, user.Role);
        Assert.True(user.CrmAccess);
        Assert.Equal(new SipDeviceCredentials("carol-phone", "md5hash", "sha256hash"), user.SipDevice);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 8, 15, 0, TimeSpan.Zero), user.CreatedAt);

        var queue = await context.Queues.SingleAsync();
        Assert.Equal("Support", queue.Name);
        Assert.Equal(QueueStrategy.RingAll, queue.Strategy);
        Assert.Equal([new QueueMember(version1.UserId, 1, 0)], queue.Members);

        var scenario = await context.Scenarios.SingleAsync();
        Assert.Equivalent(
            new ScenarioAction[]
            {
                new ConditionAction(
                    new ScheduleCondition("Europe/London", [new WeeklyHours([DayOfWeek.Saturday], new TimeOnly(10, 0), new TimeOnly(12, 0))]),
                    new SkipToOutcome(2)),
                new QueueAction(version1.QueueId, Priority: 1),
                new HangupAction(),
            },
            scenario.Actions,
            strict: true);

        var number = await context.Numbers.SingleAsync();
        Assert.Equal(("+442071234567", version1.ScenarioId), (number.Number, number.ScenarioId));

        var trunk = await context.Trunks.SingleAsync();
        Assert.Equal(["198.51.100.7"], trunk.InboundAddresses);
        Assert.Equal(new TrunkRegistration("sip.example.net", "sb", "pw", 300), trunk.Registration);

        context.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = "key-1", Xml = "<key />" });
        await context.SaveChangesAsync();
        Assert.Equal("key-1", (await context.DataProtectionKeys.AsNoTracking().SingleAsync()).FriendlyName);
        Assert.Empty(await context.QueueEvents.ToListAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_2_database_keeps_its_keys_and_starts_an_empty_queue_event_log(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(2, CancellationToken.None);
        Assert.DoesNotContain("queue_events", await storage.TablesAsync());
        var version1 = new Version1Rows();
        await storage.ExecuteAsync(version1.InsertSql);
        var keyId = Guid.CreateVersion7();
        await storage.ExecuteAsync($"INSERT INTO data_protection_keys (id, friendly_name, xml) VALUES ('{keyId.ToString().ToUpperInvariant()}', 'key-1', '<key />')");

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        Assert.Equal("carol", (await context.Users.SingleAsync()).Username);
        var key = await context.DataProtectionKeys.SingleAsync();
        Assert.Equal((keyId, "key-1", "<key />"), (key.Id, key.FriendlyName, key.Xml));
        Assert.Empty(await context.QueueEvents.ToListAsync());
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        context.QueueEvents.Add(new QueueEventRecord { At = at, Kind = "callEnteredQueue", QueueId = version1.QueueId, CallId = Guid.NewGuid(), Detail = "{}" });
        await context.SaveChangesAsync();
        Assert.Equal(version1.QueueId, (await context.QueueEvents.AsNoTracking().SingleAsync(e => e.At == at)).QueueId);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_6_database_numbers_its_queue_events_in_the_order_they_were_written(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(6, CancellationToken.None);
        string[] kinds = ["callEnteredQueue", "callOffered", "offerAnswered"];
        for (var index = 0; index < kinds.Length; index++)
        {
            // One instant for all three, as the ACD publishes them: only the numbering can tell their order.
            await storage.ExecuteAsync(
                $"INSERT INTO queue_events (id, at, kind, detail) VALUES ('00000000-0000-0000-0000-00000000000{index + 1}', '2026-03-01 09:30:00+00:00', '{kinds[index]}', '{{}}')");
        }

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var replayed = await context.QueueEvents.OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Kind }).ToListAsync();
        Assert.Equal(kinds, replayed.Select(e => e.Kind));
        Assert.Equal([1L, 2L, 3L], replayed.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_3_database_keeps_its_queue_events_and_starts_an_empty_call_history(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(3, CancellationToken.None);
        Assert.DoesNotContain("call_records", await storage.TablesAsync());
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        // Written as version 3 had it: today's model has columns that version did not.
        await storage.ExecuteAsync($"INSERT INTO queue_events (id, at, kind, call_id, detail) VALUES ('{Guid.NewGuid()}', '2026-03-01 09:30:00+00:00', 'callEnteredQueue', '{Guid.NewGuid()}', '{{}}')");

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        Assert.Equal("callEnteredQueue", (await context.QueueEvents.SingleAsync()).Kind);
        Assert.Empty(await context.CallRecords.ToListAsync());
        var agent = Guid.CreateVersion7();
        context.CallRecords.Add(new CallRecord
        {
            SipCallId = "a84b4c76e66710@pc33", CallerNumber = "+14155550123", DialledNumber = "+12025550100",
            StartedAt = at, AnsweredAt = at.AddSeconds(3), EndedAt = at.AddMinutes(2), Result = "answeredByUser",
            Agents = [new CallRecordAgent { Position = 0, UserId = agent, ConnectedAt = at.AddSeconds(3), LeftAt = at.AddMinutes(2), Ending = "hungUp" }],
        });
        await context.SaveChangesAsync();
        var stored = await context.CallRecords.AsNoTracking().Include(record => record.Agents).SingleAsync();
        Assert.Equal(("+14155550123", at.AddSeconds(3), "answeredByUser", agent), (stored.CallerNumber, stored.AnsweredAt, stored.Result, Assert.Single(stored.Agents).UserId));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_10_database_keeps_each_calls_agent_as_the_first_of_its_agents(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(10, CancellationToken.None);
        var (answered, unanswered, agent) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        // Written as version 10 had it: the last agent in call_records.agent_user_id.
        await storage.ExecuteAsync(
            "INSERT INTO call_records (id, sip_call_id, caller_number, dialled_number, started_at, answered_at, ended_at, result, agent_user_id) VALUES " +
            $"('{answered}', 'a@pc33', '+14155550123', '+12025550100', '2026-03-01 09:30:00+00:00', '2026-03-01 09:30:05+00:00', '2026-03-01 09:32:00+00:00', 'answeredFromQueue', '{agent}'), " +
            $"('{unanswered}', 'b@pc33', '+14155550124', '+12025550100', '2026-03-01 09:40:00+00:00', NULL, '2026-03-01 09:40:30+00:00', 'callerHungUp', NULL)");

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var records = await context.CallRecords.AsNoTracking().Include(record => record.Agents).Include(record => record.Transfers).ToListAsync();
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        Assert.Equal(
            [(answered, 0, agent, at.AddSeconds(5), at.AddMinutes(2), "unknown")],
            records.Single(record => record.Id == answered).Agents.Select(a => (a.CallId, a.Position, a.UserId, a.ConnectedAt, a.LeftAt, a.Ending)));
        Assert.Empty(records.Single(record => record.Id == unanswered).Agents);
        Assert.All(records, record => Assert.Empty(record.Transfers));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_11_database_gives_queues_no_dispositions_and_calls_no_wrap_up(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(11, CancellationToken.None);
        var rows = new Version1Rows();
        await storage.ExecuteAsync(rows.InsertSql);
        var (call, agent) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await storage.ExecuteAsync(
            "INSERT INTO call_records (id, sip_call_id, caller_number, dialled_number, started_at, answered_at, ended_at, result) VALUES " +
            $"('{call}', 'a@pc33', '+14155550123', '+12025550100', '2026-03-01 09:30:00+00:00', '2026-03-01 09:30:05+00:00', '2026-03-01 09:32:00+00:00', 'answeredFromQueue'); " +
            "INSERT INTO call_record_agents (call_id, position, user_id, connected_at, left_at, ending) VALUES " +
            $"('{call}', 0, '{agent}', '2026-03-01 09:30:05+00:00', '2026-03-01 09:32:00+00:00', 'hungUp')");

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var queue = await context.Queues.AsNoTracking().SingleAsync();
        Assert.Equal(("Support", 0, false), (queue.Name, queue.Dispositions.Count, queue.DispositionRequired));
        var part = Assert.Single((await context.CallRecords.AsNoTracking().Include(record => record.Agents).SingleAsync()).Agents);
        Assert.Equal((agent, (string?)null, (string?)null, (DateTimeOffset?)null), (part.UserId, part.Disposition, part.Notes, part.WrappedUpAt));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_13_database_gives_each_agents_part_the_queue_of_its_call(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(13, CancellationToken.None);
        var rows = new Version1Rows();
        await storage.ExecuteAsync(rows.InsertSql);
        var (fromQueue, direct, agent) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await storage.ExecuteAsync(
            "INSERT INTO call_records (id, sip_call_id, caller_number, dialled_number, started_at, answered_at, ended_at, result, queue_id) VALUES " +
            $"('{fromQueue}', 'a@pc33', '+14155550123', '+12025550100', '2026-03-01 09:30:00+00:00', '2026-03-01 09:30:05+00:00', '2026-03-01 09:32:00+00:00', 'answeredFromQueue', '{rows.QueueId}'), " +
            $"('{direct}', 'b@pc33', '+14155550124', '+12025550100', '2026-03-01 09:40:00+00:00', '2026-03-01 09:40:05+00:00', '2026-03-01 09:42:00+00:00', 'answeredByUser', NULL); " +
            "INSERT INTO call_record_agents (call_id, position, user_id, connected_at, left_at, ending) VALUES " +
            $"('{fromQueue}', 0, '{agent}', '2026-03-01 09:30:05+00:00', '2026-03-01 09:32:00+00:00', 'hungUp'), " +
            $"('{direct}', 0, '{agent}', '2026-03-01 09:40:05+00:00', '2026-03-01 09:42:00+00:00', 'hungUp')");

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var parts = await context.Set<CallRecordAgent>().AsNoTracking().ToListAsync();
        Assert.Equal((Guid?)rows.QueueId, parts.Single(part => part.CallId == fromQueue).QueueId);
        Assert.Null(parts.Single(part => part.CallId == direct).QueueId);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Upgrading_a_version_5_database_appends_the_id_to_names_an_older_row_holds_but_for_case(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateToAsync(5, CancellationToken.None);
        // Version 7 ids made at increasing times, so that each is older than the next.
        var ids = Enumerable.Range(1, 4).Select(minute => Guid.CreateVersion7(new DateTimeOffset(2026, 1, 5, 9, minute, 0, TimeSpan.Zero))).ToArray();
        var stored = ids.Select(id => provider == StorageProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString()).ToArray();
        await storage.ExecuteAsync($"""
            INSERT INTO queues (id, name, strategy, priority, ring_timeout_seconds, max_wait_seconds, max_waiting_calls, wrap_up_seconds, max_no_answer, music_on_hold_sound_id)
            VALUES ('{stored[2]}', 'SUPPORT', 'RingAll', 0, 20, 300, 0, 10, 3, NULL), ('{stored[0]}', 'Support', 'RingAll', 0, 20, 300, 0, 10, 3, NULL),
                   ('{stored[1]}', 'support', 'RingAll', 0, 20, 300, 0, 10, 3, NULL), ('{stored[3]}', 'Sales', 'RingAll', 0, 20, 300, 0, 10, 3, NULL);
            INSERT INTO users (id, username, display_name, role, password_hash, crm_access, sip_username, sip_ha1_md5, sip_ha1_sha256, webphone_enabled, created_at)
            VALUES ('{stored[0]}', 'carol', 'Carol', 'Agent', 'hash', TRUE, 'Desk1', 'md5', 'sha256', TRUE, '2026-01-05 09:01:00+00:00'),
                   ('{stored[1]}', 'Carol', 'Carol', 'Agent', 'hash', TRUE, 'desk1', 'md5', 'sha256', TRUE, '2026-01-05 09:02:00+00:00'),
                   ('{stored[2]}', 'dave', 'Dave', 'Agent', 'hash', TRUE, NULL, NULL, NULL, TRUE, '2026-01-05 09:03:00+00:00'),
                   ('{stored[3]}', 'erin', 'Erin', 'Agent', 'hash', TRUE, NULL, NULL, NULL, TRUE, '2026-01-05 09:04:00+00:00');
            INSERT INTO sounds (id, name, file_name, duration_milliseconds, created_at)
            VALUES ('{stored[0]}', 'Welcome', 'a.wav', 1000, '2026-01-05 09:01:00+00:00'), ('{stored[1]}', 'welcome', 'b.wav', 1000, '2026-01-05 09:02:00+00:00');
            INSERT INTO scenarios (id, name, actions) VALUES ('{stored[0]}', 'Main', '[]'), ('{stored[1]}', 'MAIN', '[]');
            INSERT INTO trunks (id, name, inbound_addresses, outbound_host, registration)
            VALUES ('{stored[0]}', 'Carrier', '[]', NULL, NULL), ('{stored[1]}', 'carrier', '[]', NULL, NULL);
            """);

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        await using var context = storage.CreateContext();
        var queues = await context.Queues.ToDictionaryAsync(queue => queue.Id, queue => queue.Name);
        Assert.Equal(
            ["Support", $"support ({stored[1]})", $"SUPPORT ({stored[2]})", "Sales"],
            ids.Select(id => queues[id]));
        var users = await context.Users.ToDictionaryAsync(user => user.Id);
        Assert.Equal(("carol", "Desk1"), (users[ids[0]].Username, users[ids[0]].SipDevice?.Username));
        Assert.Equal(($"Carol ({stored[1]})", $"desk1 ({stored[1]})"), (users[ids[1]].Username, users[ids[1]].SipDevice?.Username));
        Assert.Equal((null, null), (users[ids[2]].SipDevice, users[ids[3]].SipDevice));
        Assert.Equal(["Welcome", $"welcome ({stored[1]})"], await context.Sounds.OrderBy(sound => sound.Id).Select(sound => sound.Name).ToListAsync());
        Assert.Equal(["Main", $"MAIN ({stored[1]})"], await context.Scenarios.OrderBy(scenario => scenario.Id).Select(scenario => scenario.Name).ToListAsync());
        Assert.Equal(["Carrier", $"carrier ({stored[1]})"], await context.Trunks.OrderBy(trunk => trunk.Id).Select(trunk => trunk.Name).ToListAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_database_upgraded_by_a_newer_release_is_refused(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        var latest = storage.Migrator.LatestVersion;
        await storage.ExecuteAsync($"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({latest + 1}, 'from_the_future', '2030-01-01 00:00:00+00:00')");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.Migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains($"version {latest + 1}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {latest}", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Nodes_starting_together_apply_each_step_once(StorageProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var nodes = Enumerable.Range(0, 4).Select(_ => storage.CreateNode().GetRequiredService<DatabaseMigrator>()).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.MigrateAsync(CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, nodes[0].LatestVersion).Select(version => $"{version}"), await storage.QueryAsync("SELECT version FROM schema_migrations ORDER BY version"));
    }

    /// <summary>
    /// The model's schema lines with its indexes marked as ignoring case described as the scripts build them, which
    /// Entity Framework cannot: on SQLite the column collates NOCASE, on PostgreSQL the index is on lower(column).
    /// </summary>
    private static List<string> AsBuiltIgnoringCase(List<string> lines, IModel model, StorageProvider provider)
    {
        var indexes = model.GetEntityTypes()
            .SelectMany(entity => entity.GetIndexes())
            .Where(index => index.FindAnnotation(CaseInsensitiveIndex.Annotation) is not null)
            .ToList();
        Assert.Equal(
            ["ix_queues_name", "ix_scenarios_name", "ix_sounds_name", "ix_trunks_name", "ix_users_sip_username", "ix_users_username"],
            indexes.Select(index => index.GetDatabaseName()).Order(StringComparer.Ordinal));

        var rebuilt = lines.ToList();
        foreach (var index in indexes)
        {
            var column = index.Properties.Single().GetColumnName();
            var at = rebuilt.FindIndex(line => line.StartsWith("index ", StringComparison.Ordinal) && line.Contains($" {index.GetDatabaseName()} ", StringComparison.Ordinal));
            rebuilt[at] = provider == StorageProvider.Sqlite
                ? rebuilt[at].Replace($" {column} BINARY", $" {column} NOCASE", StringComparison.Ordinal)
                : rebuilt[at].Replace($"({column})", $"(lower({column}))", StringComparison.Ordinal);
        }

        rebuilt.Sort(StringComparer.Ordinal);
        return rebuilt;
    }

    /// <summary>Rows as release 1 (schema version 1) wrote them, JSON included.</summary>
    private sealed class Version1Rows
    {
        public Guid UserId { get; } = Guid.CreateVersion7();

        public Guid QueueId { get; } = Guid.CreateVersion7();

        public Guid ScenarioId { get; } = Guid.CreateVersion7();

        private Guid NumberId { get; } = Guid.CreateVersion7();

        private Guid TrunkId { get; } = Guid.CreateVersion7();

        // Entity Framework's SQLite provider keeps Guids as upper-case text; PostgreSQL reads either case.
        public string InsertSql => $$$"""
            INSERT INTO users (id, username, display_name, role, password_hash, crm_access, sip_username, sip_ha1_md5, sip_ha1_sha256, webphone_enabled, created_at)
            VALUES ('{{{Text(UserId)}}}', 'carol', 'Carol', 'Admin', 'hash', TRUE, 'carol-phone', 'md5hash', 'sha256hash', TRUE, '2025-11-02 08:15:00+00:00');
            INSERT INTO queues (id, name, strategy, priority, ring_timeout_seconds, max_wait_seconds, max_waiting_calls, wrap_up_seconds, max_no_answer, music_on_hold_sound_id)
            VALUES ('{{{Text(QueueId)}}}', 'Support', 'RingAll', 0, 20, 300, 0, 10, 3, NULL);
            INSERT INTO queue_members (queue_id, user_id, level, position) VALUES ('{{{Text(QueueId)}}}', '{{{Text(UserId)}}}', 1, 0);
            INSERT INTO scenarios (id, name, actions) VALUES ('{{{Text(ScenarioId)}}}', 'Weekend',
                '[{"type":"condition","when":{"type":"schedule","timeZone":"Europe/London","hours":[{"days":["Saturday"],"from":"10:00:00","to":"12:00:00"}],"negate":false},"then":{"type":"skipTo","actionIndex":2}},{"type":"queue","queueId":"{{{QueueId}}}","priority":1,"maxWaitSeconds":null},{"type":"hangup"}]');
            INSERT INTO numbers (id, number, label, scenario_id) VALUES ('{{{Text(NumberId)}}}', '+442071234567', '', '{{{Text(ScenarioId)}}}');
            INSERT INTO trunks (id, name, inbound_addresses, outbound_host, registration)
            VALUES ('{{{Text(TrunkId)}}}', 'Carrier', '["198.51.100.7"]', NULL, '{"registrar":"sip.example.net","username":"sb","password":"pw","expiresSeconds":300}');
            """;

        private static string Text(Guid id) => id.ToString().ToUpperInvariant();
    }
}
