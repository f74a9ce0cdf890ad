using System.Net;
using System.Net.Http.Json;
using Switchboard.Data;
using Switchboard.Data.Crm;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Users;
using Switchboard.Domain.Crm;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Crm;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Crm;

public abstract class ContactApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    private static readonly DateTimeOffset CallAt = new(2026, 6, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Contact_is_created_with_phones_messaging_ids_and_emails_changed_and_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);

        var created = await CreateContactAsync(client, new ContactInput(
            "Zoë Müller",
            TimeZone: "Europe/Berlin",
            Labels: ["VIP", "Berlin"],
            Attributes: new Dictionary<string, string> { ["customer no"] = "C-1042" },
            Description: "Prefers mornings.",
            Phones: [new("+49 30 1234-567", PhoneType.Work, Primary: true), new("0049 170 1234567")],
            MessagingIdentities: [new("Telegram", "@zoe")],
            Emails: ["zoe@example.com"]));

        Assert.Equal(("Zoë Müller", "Europe/Berlin", "Prefers mornings."), (created.Name, created.TimeZone, created.Description));
        Assert.Equal(["Berlin", "VIP"], created.Labels);
        Assert.Equal(new Dictionary<string, string> { ["customer no"] = "C-1042" }, created.Attributes);
        Assert.Equal([new ContactPhoneView("+49301234567", PhoneType.Work, true), new ContactPhoneView("+491701234567", PhoneType.Mobile, false)], created.Phones);
        Assert.Equal([new MessagingIdentityView("telegram", "@zoe")], created.MessagingIdentities);
        Assert.Equal(["zoe@example.com"], created.Emails);
        Assert.Empty(created.Timeline);

        using var updated = await client.PutAsJsonAsync(
            $"/api/v1/contacts/{created.Id}",
            new ContactInput("Zoë Schmidt", Labels: ["vip"], Phones: [new("+491701234567", Primary: true)], Emails: ["zoe@example.org"]),
            TestJson.Options,
            Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var fetched = (await client.GetFromJsonAsync<ContactView>($"/api/v1/contacts/{created.Id}", TestJson.Options, Ct))!;
        Assert.Equal(("Zoë Schmidt", (string?)null), (fetched.Name, fetched.TimeZone));
        Assert.Equal(["VIP"], fetched.Labels);
        Assert.Equal([new ContactPhoneView("+491701234567", PhoneType.Mobile, true)], fetched.Phones);
        Assert.Empty(fetched.MessagingIdentities);
        Assert.Equal(["zoe@example.org"], fetched.Emails);

        using var deleted = await client.DeleteAsync($"/api/v1/contacts/{created.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/contacts/{created.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_phone_number_not_in_international_form_is_refused_naming_its_place_in_the_list()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync("/api/v1/contacts", new
        {
            name = "Ann Smith",
            phones = new[] { new { number = "+14155550100" }, new { number = "415 555 0101" } },
        }, TestJson.Options, Ct);

        var messages = await response.ReadFieldErrorsAsync("phones[1].number", Ct);
        Assert.Contains("international form", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nameless_contact_a_bad_email_an_unknown_time_zone_and_two_primary_numbers_are_refused()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync("/api/v1/contacts", new
        {
            name = " ",
            timeZone = "Mars/Olympus",
            emails = (string[])["ann@example.com", "not an address"],
            phones = new[] { new { number = "+14155550100", primary = true }, new { number = "+14155550101", primary = true } },
        }, TestJson.Options, Ct);

        // The body is buffered, so each field's messages can be read from the one answer.
        foreach (var field in (string[])["name", "timeZone", "emails[1]", "phones"])
            Assert.NotEmpty(await response.ReadFieldErrorsAsync(field, Ct));

        var list = (await client.GetFromJsonAsync<ContactPage>("/api/v1/contacts", TestJson.Options, Ct))!;
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task Contacts_are_found_by_name_words_by_number_or_email_and_by_attribute()
    {
        using var client = await ClientAsync(Actor.Admin);
        await CreateContactAsync(client, new { name = "Ann Smith", phones = new[] { new { number = "+14155550100" } }, attributes = new Dictionary<string, string> { ["tier"] = "Gold" } });
        await CreateContactAsync(client, new ContactInput("Smithers, Anna", Emails: ["Anna@Example.com"], Attributes: new Dictionary<string, string> { ["plan"] = "gold" }));
        await CreateContactAsync(client, new { name = "Joanna Smith", attributes = new Dictionary<string, string> { ["tier"] = "Silver" } });

        Assert.Equal(["Ann Smith", "Smithers, Anna"], await NamesAsync(client, "q=ANN%20sm"));
        Assert.Equal(["Ann Smith", "Joanna Smith", "Smithers, Anna"], await NamesAsync(client, "q=smi"));
        Assert.Equal(["Ann Smith"], await NamesAsync(client, "destination=%2B1%20(415)%20555-0100"));
        Assert.Equal(["Smithers, Anna"], await NamesAsync(client, "destination=anna%40example.com"));
        Assert.Equal(["Ann Smith", "Smithers, Anna"], await NamesAsync(client, "attribute=gold"));
        Assert.Equal(["Ann Smith"], await NamesAsync(client, "attribute=GOLD&attributeKey=tier"));
        Assert.Empty(await NamesAsync(client, "q=nna"));

        using var bad = await client.GetAsync("/api/v1/contacts?destination=555-0100", Ct);
        await bad.ReadFieldErrorsAsync("destination", Ct);
    }

    [Fact]
    public async Task Contacts_are_filtered_by_label_and_owner()
    {
        using var client = await ClientAsync(Actor.Admin);
        var adminId = (await client.GetFromJsonAsync<List<Admin.Users.UserView>>("/api/v1/users", TestJson.Options, Ct))!.Single(u => u.Username == "admin").Id;
        await CreateContactAsync(client, new ContactInput("Ann Smith", Labels: ["VIP"], OwnerId: adminId));
        await CreateContactAsync(client, new ContactInput("Bob Jones", Labels: ["vip", "Late payer"]));
        await CreateContactAsync(client, new { name = "Cid Moss" });

        Assert.Equal(["Ann Smith", "Bob Jones"], await NamesAsync(client, "label=Vip"));
        Assert.Equal(["Ann Smith"], await NamesAsync(client, $"owner={adminId}"));
        Assert.Empty(await NamesAsync(client, "label=nobody-uses-this"));
        var labels = await client.GetFromJsonAsync<List<LabelView>>("/api/v1/contacts/labels", TestJson.Options, Ct);
        Assert.Equal(["Late payer", "VIP"], labels!.Select(l => l.Name));
    }

    [Fact]
    public async Task Pages_hold_at_most_page_size_contacts_in_name_order_with_the_total()
    {
        using var client = await ClientAsync(Actor.Admin);
        foreach (var i in new[] { 5, 3, 1, 4, 2 })
            await CreateContactAsync(client, new { name = $"Client {i}" });

        var first = (await client.GetFromJsonAsync<ContactPage>("/api/v1/contacts?pageSize=2", TestJson.Options, Ct))!;
        var last = (await client.GetFromJsonAsync<ContactPage>("/api/v1/contacts?pageSize=2&page=3", TestJson.Options, Ct))!;

        Assert.Equal((5, 5), (first.Total, last.Total));
        Assert.Equal(["Client 1", "Client 2"], first.Items.Select(c => c.Name));
        Assert.Equal(["Client 5"], last.Items.Select(c => c.Name));
        using var tooBig = await client.GetAsync("/api/v1/contacts?pageSize=101", Ct);
        await tooBig.ReadFieldErrorsAsync("pageSize", Ct);
    }

    [Fact]
    public async Task Contacts_are_listed_Z_to_A_when_asked_and_an_unknown_order_is_refused_in_words()
    {
        using var client = await ClientAsync(Actor.Admin);
        foreach (var i in new[] { 2, 3, 1 })
            await CreateContactAsync(client, new { name = $"Sorted {i}" });

        var reversed = (await client.GetFromJsonAsync<ContactPage>("/api/v1/contacts?q=sorted&sort=-name", TestJson.Options, Ct))!;

        Assert.Equal(["Sorted 3", "Sorted 2", "Sorted 1"], reversed.Items.Select(c => c.Name));
        using var unknown = await client.GetAsync("/api/v1/contacts?sort=owner", Ct);
        var messages = await unknown.ReadFieldErrorsAsync("sort", Ct);
        Assert.Contains("sorted by name", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_shared_by_several_contacts_identifies_all_of_them()
    {
        using var client = await ClientAsync(Actor.Admin);
        await CreateContactAsync(client, new { name = "Office Front Desk", phones = new[] { new { number = "+442079460000" } } });
        await CreateContactAsync(client, new { name = "Bea Office", phones = new[] { new { number = "+44 20 7946 0000", type = "work" } } });
        await CreateContactAsync(client, new { name = "Someone Else", phones = new[] { new { number = "+442079460001" } } });

        var identified = await client.GetFromJsonAsync<List<ContactSummary>>("/api/v1/contacts/identify?number=0044%2020%207946%200000", TestJson.Options, Ct);

        Assert.Equal(["Bea Office", "Office Front Desk"], identified!.Select(c => c.Name));
        Assert.All(identified!, contact => Assert.Equal("+442079460000", contact.Phone));
        var nobody = await client.GetFromJsonAsync<List<ContactSummary>>("/api/v1/contacts/identify?number=%2B15550000000", TestJson.Options, Ct);
        Assert.Empty(nobody!);
    }

    [Fact]
    public async Task Numbers_and_messaging_identities_are_linked_identified_and_unlinked()
    {
        using var client = await ClientAsync(Actor.Admin);
        var contact = await CreateContactAsync(client, new { name = "Ann Smith" });

        using var phone = await client.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/phones", new { number = "+1 415 555 0100", type = "home", primary = true }, TestJson.Options, Ct);
        using var telegram = await client.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/messaging-identities", new { channel = "telegram", identifier = "@ann" }, TestJson.Options, Ct);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (phone.StatusCode, telegram.StatusCode));
        Assert.Equal(["Ann Smith"], await IdentifiedAsync(client, "number=%2B14155550100"));
        Assert.Equal(["Ann Smith"], await IdentifiedAsync(client, "channel=telegram&identifier=%40ann"));
        Assert.Empty(await IdentifiedAsync(client, "channel=whatsapp&identifier=%40ann"));

        using var unlinkPhone = await client.DeleteAsync($"/api/v1/contacts/{contact.Id}/phones/%2B14155550100", Ct);
        using var unlinkTelegram = await client.DeleteAsync($"/api/v1/contacts/{contact.Id}/messaging-identities/telegram/%40ann", Ct);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unlinkPhone.StatusCode, unlinkTelegram.StatusCode));
        Assert.Empty(await IdentifiedAsync(client, "number=%2B14155550100"));
        Assert.Empty(await IdentifiedAsync(client, "channel=telegram&identifier=%40ann"));
        using var again = await client.DeleteAsync($"/api/v1/contacts/{contact.Id}/phones/%2B14155550100", Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var invalid = await client.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/phones", new { number = "12" }, TestJson.Options, Ct);
        await invalid.ReadFieldErrorsAsync("number", Ct);
    }

    [Fact]
    public async Task Calls_bound_to_a_contact_show_on_its_timeline_newest_first_and_each_once()
    {
        using var client = await ClientAsync(Actor.Admin);
        var contact = await CreateContactAsync(client, new { name = "Ann Smith" });

        await BindAsync(client, contact.Id, new { kind = "call", referenceId = "call-1", at = CallAt, summary = "Billing question" });
        await BindAsync(client, contact.Id, new { kind = "call", referenceId = "call-2", at = CallAt.AddDays(1), summary = "Follow-up" });
        await BindAsync(client, contact.Id, new { kind = "call", referenceId = "call-1", at = CallAt, summary = "Billing question" });

        var fetched = (await client.GetFromJsonAsync<ContactView>($"/api/v1/contacts/{contact.Id}", TestJson.Options, Ct))!;
        Assert.Equal(
            [("call-2", "Follow-up", CallAt.AddDays(1)), ("call-1", "Billing question", CallAt)],
            fetched.Timeline.Select(e => (e.ReferenceId, e.Summary, e.At)));
        Assert.All(fetched.Timeline, e => Assert.Equal(TimelineEntryKind.Call, e.Kind));
        using var missing = await client.PostAsJsonAsync($"/api/v1/contacts/{Guid.NewGuid()}/timeline", new { kind = "call", referenceId = "call-3", at = CallAt }, TestJson.Options, Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_bound_call_with_a_record_shows_its_queue_its_agents_how_long_they_talked_and_their_wrap_ups()
    {
        using var client = await ClientAsync(Actor.Admin);
        var contact = await CreateContactAsync(client, new { name = "Ann Smith" });
        var callId = await Factory.WithServicesAsync(async services =>
        {
            var queue = await services.GetRequiredService<QueueAdmin>().CreateAsync(new QueueInput("Sales", Dispositions: ["Sale"]), Ct);
            var users = services.GetRequiredService<UserAdmin>();
            var nora = await users.CreateAsync(new UserInput("nora", "Nora Quinn", Role.Agent, "nora-password-12"), Ct);
            var omar = await users.CreateAsync(new UserInput("omar", "Omar Ruiz", Role.Agent, "omar-password-12"), Ct);
            var record = new CallRecord
            {
                SipCallId = "a@pc33",
                CallerNumber = "+14155550100",
                DialledNumber = "+442071234567",
                StartedAt = CallAt,
                AnsweredAt = CallAt.AddSeconds(5),
                EndedAt = CallAt.AddSeconds(95),
                Result = "answeredFromQueue",
                QueueId = queue.Value!.Id,
                Agents =
                [
                    new CallRecordAgent { Position = 0, UserId = nora.Value!.Id, ConnectedAt = CallAt.AddSeconds(5), LeftAt = CallAt.AddSeconds(30), Ending = "transferred" },
                    new CallRecordAgent
                    {
                        Position = 1, UserId = omar.Value!.Id, ConnectedAt = CallAt.AddSeconds(35), LeftAt = CallAt.AddSeconds(95), Ending = "hungUp",
                        Disposition = "Sale", Notes = "Two seats", WrappedUpAt = CallAt.AddMinutes(3),
                    },
                ],
            };
            var db = services.GetRequiredService<SwitchboardDbContext>();
            db.CallRecords.Add(record);
            await db.SaveChangesAsync(Ct);
            return record.Id;
        });
        await BindAsync(client, contact.Id, new { kind = "call", referenceId = callId.ToString(), at = CallAt, summary = "" });

        var fetched = (await client.GetFromJsonAsync<ContactView>($"/api/v1/contacts/{contact.Id}", TestJson.Options, Ct))!;

        var call = Assert.Single(fetched.Timeline).Call;
        Assert.NotNull(call);
        Assert.Equal(("incoming", "Sales", (int?)90), (call.Direction, call.QueueName, call.TalkedSeconds));
        Assert.Equal(
            [("Nora Quinn", (string?)null, (string?)null), ("Omar Ruiz", "Sale", "Two seats")],
            call.Agents.Select(agent => (agent.Name, agent.Disposition, agent.Notes)));
    }

    [Fact]
    public async Task A_contact_created_from_a_call_has_the_callers_number_and_the_call()
    {
        using var client = await ClientAsync(Actor.Admin);

        var created = await Factory.WithServicesAsync(services => services.GetRequiredService<ContactAdmin>()
            .CreateFromCallAsync("New Caller", "+1 415 555 0199", new TimelineEntryInput(TimelineEntryKind.Call, "call-9", CallAt), Ct));

        Assert.True(created.Succeeded);
        var identified = await client.GetFromJsonAsync<List<ContactSummary>>("/api/v1/contacts/identify?number=%2B14155550199", TestJson.Options, Ct);
        var contact = (await client.GetFromJsonAsync<ContactView>($"/api/v1/contacts/{Assert.Single(identified!).Id}", TestJson.Options, Ct))!;
        Assert.Equal("New Caller", contact.Name);
        Assert.Equal([new ContactPhoneView("+14155550199", PhoneType.Mobile, true)], contact.Phones);
        Assert.Equal(["call-9"], contact.Timeline.Select(e => e.ReferenceId));
    }

    [Theory]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Supervisor, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Users_without_CRM_access_may_not_use_the_CRM_API(Actor actor, HttpStatusCode expected)
    {
        using var admin = await ClientAsync(Actor.Admin);
        var contact = await CreateContactAsync(admin, new { name = "Ann Smith", phones = new[] { new { number = "+14155550100" } } });
        using var client = await ClientAsync(actor);

        using var list = await client.GetAsync("/api/v1/contacts?q=ann", Ct);
        using var get = await client.GetAsync($"/api/v1/contacts/{contact.Id}", Ct);
        using var identify = await client.GetAsync("/api/v1/contacts/identify?number=%2B14155550100", Ct);
        using var create = await client.PostAsJsonAsync("/api/v1/contacts", new { name = "Bob" }, TestJson.Options, Ct);
        using var bind = await client.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/timeline", new { kind = "call", referenceId = "c", at = CallAt }, TestJson.Options, Ct);
        using var link = await client.PostAsync($"/api/v1/contacts/{contact.Id}/read-only-link", null, Ct);

        Assert.Equal(
            [expected, expected, expected, expected, expected, expected],
            new[] { list, get, identify, create, bind, link }.Select(response => response.StatusCode));
        var stillOne = (await admin.GetFromJsonAsync<ContactPage>("/api/v1/contacts", TestJson.Options, Ct))!;
        Assert.Equal(["Ann Smith"], stillOne.Items.Select(c => c.Name));
        Assert.Empty((await admin.GetFromJsonAsync<ContactView>($"/api/v1/contacts/{contact.Id}", TestJson.Options, Ct))!.Timeline);
    }

    [Theory]
    [InlineData("team/support@example")]
    [InlineData("team%2Fsupport%40example")]
    public async Task A_messaging_identity_holding_a_slash_is_unlinked(string identifierInPath)
    {
        using var client = await ClientAsync(Actor.Admin);
        var contact = await CreateContactAsync(client, new { name = "Ann Smith", messagingIdentities = new[] { new { channel = "webchat", identifier = "team/support@example" } } });

        using var unlinked = await client.DeleteAsync($"/api/v1/contacts/{contact.Id}/messaging-identities/webchat/{identifierInPath}", Ct);

        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Empty((await unlinked.Content.ReadFromJsonAsync<ContactView>(TestJson.Options, Ct))!.MessagingIdentities);
        Assert.Empty(await IdentifiedAsync(client, "channel=webchat&identifier=team%2Fsupport%40example"));
    }

    [Fact]
    public async Task Contacts_saved_at_once_with_the_same_new_label_all_get_that_one_label()
    {
        using var client = await ClientAsync(Actor.Admin);

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(guest =>
            client.PostAsJsonAsync("/api/v1/contacts", new { name = $"Guest {guest}", labels = new[] { guest % 2 == 0 ? "VIP" : "vip" } }, TestJson.Options, Ct)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        var labels = await client.GetFromJsonAsync<List<LabelView>>("/api/v1/contacts/labels", TestJson.Options, Ct);
        Assert.Single(labels!);
        Assert.Equal(8, (await client.GetFromJsonAsync<ContactPage>("/api/v1/contacts?label=vip", TestJson.Options, Ct))!.Total);
    }

    [Fact]
    public async Task A_new_label_another_request_saved_first_is_taken_rather_than_refused()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        server.SaveFirst(async (services, token) =>
            Assert.True((await services.GetRequiredService<ContactAdmin>().CreateAsync(new ContactInput("Bob Jones", Labels: ["vip"]), token)).Succeeded));

        var created = await CreateContactAsync(client, new ContactInput("Ann Smith", Labels: ["VIP", "Berlin"]));

        Assert.Equal(["Berlin", "vip"], created.Labels);
        Assert.Equal(["Ann Smith", "Bob Jones"], await NamesAsync(client, "label=vip"));
    }

    [Fact]
    public async Task A_call_another_request_bound_first_is_bound_once_and_both_get_the_entry()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        var contact = await CreateContactAsync(client, new ContactInput("Ann Smith"));
        var entry = new TimelineEntryInput(TimelineEntryKind.Call, "call-raced", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        server.SaveFirst(async (services, token) =>
            Assert.True((await services.GetRequiredService<ContactAdmin>().BindToTimelineAsync(contact.Id, entry, token)).Succeeded));

        await BindAsync(client, contact.Id, entry);

        var stored = await client.GetFromJsonAsync<ContactView>($"/api/v1/contacts/{contact.Id}", TestJson.Options, Ct);
        Assert.Equal("call-raced", Assert.Single(stored!.Timeline).ReferenceId);
    }

    private async Task<ContactView> CreateContactAsync(HttpClient client, object body) =>
        await ConfigurationApi.CreateAsync<ContactView>(client, "/api/v1/contacts", body, Ct);

    private async Task BindAsync(HttpClient client, Guid contactId, object entry)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/contacts/{contactId}/timeline", entry, TestJson.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<string>> NamesAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<ContactPage>($"/api/v1/contacts?{query}", TestJson.Options, Ct);
        return [.. page!.Items.Select(c => c.Name)];
    }

    private async Task<List<string>> IdentifiedAsync(HttpClient client, string query)
    {
        var contacts = await client.GetFromJsonAsync<List<ContactSummary>>($"/api/v1/contacts/identify?{query}", TestJson.Options, Ct);
        return [.. contacts!.Select(c => c.Name)];
    }
}

public sealed class ContactApiTests_on_sqlite() : ContactApiTests(StorageKind.Sqlite);

public sealed class ContactApiTests_on_postgres() : ContactApiTests(StorageKind.Postgres);
