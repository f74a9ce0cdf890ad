using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Crm;
using Switchboard.Server.Crm;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Workspace.ClientInfo;

namespace Switchboard.Server.Tests.Workspace.ClientInfo;

public abstract class ClientInfoApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    private static readonly Dictionary<string, string> NoVariables = [];

    [Fact]
    public async Task Anonymous_callers_are_asked_to_log_in_and_users_not_on_the_call_find_nothing()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, _) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var (_, olga) = await server.AgentAsync("olga", crmAccess: true, Ct);
        var contact = await server.ContactAsync(new ContactInput("Bob Jones", Phones: [new("+14155550100")]), Ct);
        var call = server.Calls.Add("+14155550100", null, NoVariables, annId);
        server.Answer(call.CallId, annId);
        using var anonymous = server.AnonymousClient();

        foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Unauthorized), (olga, HttpStatusCode.NotFound) })
        {
            var path = $"/api/v1/workspace/calls/{call.CallId}/client";
            using var show = await client.GetAsync(path, Ct);
            using var search = await client.GetAsync($"{path}/search?by=name&q=bob", Ct);
            using var add = await client.PostAsJsonAsync($"{path}/contacts", new { name = "Eve" }, TestJson.Options, Ct);
            using var select = await client.PostAsJsonAsync($"{path}/select", new { contactId = contact.Id }, TestJson.Options, Ct);
            using var link = await client.PostAsJsonAsync($"{path}/link", new { contactId = contact.Id }, TestJson.Options, Ct);
            using var owners = await client.GetAsync($"{path}/owners", Ct);
            Assert.Equal(
                [expected, expected, expected, expected, expected, expected],
                new[] { show, search, add, select, link, owners }.Select(response => response.StatusCode));
        }

        Assert.Empty((await server.StoredContactAsync(contact.Id, Ct))!.Timeline);
    }

    [Fact]
    public async Task An_agent_without_CRM_access_sees_every_contact_of_the_callers_number_with_read_only_links()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var queueId = await server.QueueAsync("Support", Ct);
        var office = await server.ContactAsync(new ContactInput(
            "Office Front Desk",
            Labels: ["VIP"],
            Attributes: new Dictionary<string, string> { ["customer no"] = "C-1042" },
            Description: "Main switchboard.",
            Phones: [new("+44 20 7946 0000", PhoneType.Work)],
            MessagingIdentities: [new("telegram", "@office")],
            Emails: ["desk@example.com"]), Ct);
        var bea = await server.ContactAsync(new ContactInput("Bea Office", Phones: [new("+442079460000")]), Ct);
        await server.ContactAsync(new ContactInput("Someone Else", Phones: [new("+442079460001")]), Ct);
        var call = server.Calls.Add("00442079460000", queueId, new Dictionary<string, string> { ["X-Order"] = "A-77" }, annId);

        var shown = await ShowAsync(ann, call.CallId);

        Assert.Equal(("Support", "+442079460000"), (shown.QueueName, shown.CallerNumber));
        Assert.Equal(["Bea Office", "Office Front Desk"], shown.Contacts.Select(c => c.Name));
        var card = shown.Contacts[1];
        Assert.Equal((office.Id, "Main switchboard."), (card.Id, card.Description));
        Assert.Equal(["VIP"], card.Labels);
        Assert.Equal(new Dictionary<string, string> { ["customer no"] = "C-1042" }, card.Attributes);
        Assert.Equal([new ContactPhoneView("+442079460000", PhoneType.Work, false)], card.Phones);
        Assert.Equal([new MessagingIdentityView("telegram", "@office")], card.Messaging);
        Assert.Equal(["desk@example.com"], card.Emails);
        Assert.Null(shown.MemberDescription);
        Assert.Equal("A-77", shown.Variables["X-Order"]);

        Assert.StartsWith($"/crm/contacts/{bea.Id}/card?token=", shown.Contacts[0].Open, StringComparison.Ordinal);
        // The page at that link reads the card through the API with the same token.
        using var readOnlyCard = await ann.GetAsync(card.Open.Replace("/crm/contacts/", "/api/v1/contacts/", StringComparison.Ordinal), Ct);
        Assert.Equal(HttpStatusCode.OK, readOnlyCard.StatusCode);
        var opened = (await readOnlyCard.Content.ReadFromJsonAsync<ContactView>(TestJson.Options, Ct))!;
        Assert.Equal("Office Front Desk", opened.Name);
        using var crm = await ann.GetAsync($"/api/v1/contacts/{office.Id}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, crm.StatusCode);
    }

    [Fact]
    public async Task An_agent_with_CRM_access_opens_contacts_on_their_CRM_page()
    {
        var server = ClientInfoServer.Start(Factory);
        var (carlId, carl) = await server.AgentAsync("carl", crmAccess: true, Ct);
        var contact = await server.ContactAsync(new ContactInput("Bob Jones", Phones: [new("+14155550100")]), Ct);
        var call = server.Calls.Add("+14155550100", null, NoVariables, carlId);

        var shown = await ShowAsync(carl, call.CallId);

        Assert.Null(shown.QueueName);
        Assert.Equal($"/crm/contacts/{contact.Id}", Assert.Single(shown.Contacts).Open);
    }

    [Fact]
    public async Task An_unknown_caller_is_shown_without_contacts_and_Add_Search_and_Select_wait_until_the_call_is_answered()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var contact = await server.ContactAsync(new ContactInput("Bob Jones"), Ct);
        var call = server.Calls.Add("+14155550199", null, NoVariables, annId);
        var client = $"/api/v1/workspace/calls/{call.CallId}/client";

        Assert.Empty((await ShowAsync(ann, call.CallId)).Contacts);
        using var search = await ann.GetAsync($"{client}/search?by=name&q=bob", Ct);
        using var add = await ann.PostAsJsonAsync($"{client}/contacts", new { name = "New Caller" }, TestJson.Options, Ct);
        using var select = await ann.PostAsJsonAsync($"{client}/select", new { contactId = contact.Id }, TestJson.Options, Ct);
        using var link = await ann.PostAsJsonAsync($"{client}/link", new { contactId = contact.Id }, TestJson.Options, Ct);
        foreach (var refused in new[] { search, add, select, link })
            await refused.ReadProblemAsync(HttpStatusCode.Conflict, Ct);

        server.Answer(call.CallId, annId);
        using var searchAnswered = await ann.GetAsync($"{client}/search?by=name&q=bob", Ct);
        Assert.Equal(HttpStatusCode.OK, searchAnswered.StatusCode);
    }

    [Fact]
    public async Task A_contact_added_from_the_call_keeps_the_call_and_the_linked_number_identifies_the_next_call()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var (carlId, _) = await server.AgentAsync("carl", crmAccess: true, Ct);
        await server.ContactAsync(new ContactInput("Existing", Labels: ["VIP"]), Ct);
        var queueId = await server.QueueAsync("Sales", Ct);
        var call = server.Calls.Add("+1 (415) 555-0199", queueId, NoVariables, annId);
        server.Answer(call.CallId, annId);
        var client = $"/api/v1/workspace/calls/{call.CallId}/client";
        var owners = await ann.GetFromJsonAsync<List<ClientOwnerView>>($"{client}/owners", TestJson.Options, Ct);
        var labels = await ann.GetFromJsonAsync<List<LabelView>>($"{client}/labels", TestJson.Options, Ct);
        Assert.Contains(owners!, owner => owner.Id == carlId && owner.DisplayName == "Agent carl");
        Assert.Equal(["VIP"], labels!.Select(l => l.Name));

        using var added = await ann.PostAsJsonAsync($"{client}/contacts", new
        {
            name = "New Caller",
            timeZone = "America/Los_Angeles",
            ownerId = carlId,
            labels = (string[])["vip", "Prospect"],
            description = "Asked for a quote.",
            linkCallerNumber = true,
        }, TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var card = (await added.Content.ReadFromJsonAsync<ClientCard>(TestJson.Options, Ct))!;
        Assert.Equal(("New Caller", "Asked for a quote."), (card.Name, card.Description));
        Assert.Equal(["Prospect", "VIP"], card.Labels);
        Assert.Equal([new ContactPhoneView("+14155550199", PhoneType.Mobile, true)], card.Phones);
        Assert.StartsWith($"/crm/contacts/{card.Id}/card?token=", card.Open, StringComparison.Ordinal);
        var stored = (await server.StoredContactAsync(card.Id, Ct))!;
        Assert.Equal((carlId, "America/Los_Angeles"), (stored.OwnerId, stored.TimeZone));
        var entry = Assert.Single(stored.Timeline);
        Assert.Equal((TimelineEntryKind.Call, call.CallId.ToString(), "Call from +14155550199 through Sales"), (entry.Kind, entry.ReferenceId, entry.Summary));

        var next = server.Calls.Add("+14155550199", null, NoVariables, annId);
        Assert.Equal(["New Caller"], (await ShowAsync(ann, next.CallId)).Contacts.Select(c => c.Name));
    }

    [Fact]
    public async Task A_contact_added_without_asking_to_link_the_number_keeps_the_call_only()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var call = server.Calls.Add("+14155550199", null, NoVariables, annId);
        server.Answer(call.CallId, annId);

        var card = await PostAsync<ClientCard>(ann, $"/api/v1/workspace/calls/{call.CallId}/client/contacts", new { name = "Shared Phone User" });

        Assert.Empty(card.Phones);
        Assert.Single((await server.StoredContactAsync(card.Id, Ct))!.Timeline);
        Assert.Empty((await ShowAsync(ann, call.CallId)).Contacts);
    }

    [Fact]
    public async Task Link_puts_the_callers_number_on_the_contact_so_the_next_call_from_it_finds_them()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var contact = await server.ContactAsync(new ContactInput("Bob Jones"), Ct);
        var call = server.Calls.Add("+1 (415) 555-0199", null, NoVariables, annId);
        server.Answer(call.CallId, annId);

        var card = await PostAsync<ClientCard>(ann, $"/api/v1/workspace/calls/{call.CallId}/client/link", new { contactId = contact.Id });

        Assert.Equal(["+14155550199"], card.Phones.Select(phone => phone.Number));
        var next = server.Calls.Add("+14155550199", null, NoVariables, annId);
        Assert.Equal(["Bob Jones"], (await ShowAsync(ann, next.CallId)).Contacts.Select(found => found.Name));
    }

    [Fact]
    public async Task Link_says_why_when_there_is_no_number_or_no_such_contact()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var contact = await server.ContactAsync(new ContactInput("Bob Jones"), Ct);
        var withheld = server.Calls.Add(null, null, NoVariables, annId);
        var call = server.Calls.Add("+14155550199", null, NoVariables, annId);
        server.Answer(withheld.CallId, annId);
        server.Answer(call.CallId, annId);

        using var noNumber = await ann.PostAsJsonAsync($"/api/v1/workspace/calls/{withheld.CallId}/client/link", new { contactId = contact.Id }, TestJson.Options, Ct);
        using var noContact = await ann.PostAsJsonAsync($"/api/v1/workspace/calls/{call.CallId}/client/link", new { contactId = Guid.NewGuid() }, TestJson.Options, Ct);

        Assert.Contains("withheld", (await noNumber.ReadFieldErrorsAsync("callerNumber", Ct))[0], StringComparison.Ordinal);
        Assert.NotEmpty(await noContact.ReadFieldErrorsAsync("contactId", Ct));
        Assert.Empty((await server.StoredContactAsync(contact.Id, Ct))!.Phones);
    }

    [Fact]
    public async Task Add_names_the_fields_at_fault_and_creates_nothing()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var call = server.Calls.Add("+14155550199", null, NoVariables, annId);
        var withheld = server.Calls.Add(null, null, NoVariables, annId);
        server.Answer(call.CallId, annId);
        server.Answer(withheld.CallId, annId);

        using var invalid = await ann.PostAsJsonAsync($"/api/v1/workspace/calls/{call.CallId}/client/contacts", new
        {
            name = " ",
            timeZone = "Mars/Olympus",
            ownerId = Guid.NewGuid(),
            labels = (string[])[""],
        }, TestJson.Options, Ct);
        using var nothingToLink = await ann.PostAsJsonAsync($"/api/v1/workspace/calls/{withheld.CallId}/client/contacts", new { name = "Anonymous", linkCallerNumber = true }, TestJson.Options, Ct);

        foreach (var field in (string[])["name", "timeZone", "ownerId", "labels[0]"])
            Assert.NotEmpty(await invalid.ReadFieldErrorsAsync(field, Ct));
        Assert.Contains("withheld", (await nothingToLink.ReadFieldErrorsAsync("linkCallerNumber", Ct))[0], StringComparison.Ordinal);
        var searched = await GetAsync<ClientSearchResult>(ann, $"/api/v1/workspace/calls/{call.CallId}/client/search?by=name&q=anonymous");
        Assert.Equal(0, searched.Total);
    }

    [Fact]
    public async Task Search_by_attribute_shows_the_matching_contacts_one_by_one()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        await server.ContactAsync(new ContactInput("Ann Smith", Attributes: new Dictionary<string, string> { ["tier"] = "Gold" }, Emails: ["ann@example.com"]), Ct);
        await server.ContactAsync(new ContactInput("Bob Jones", Attributes: new Dictionary<string, string> { ["plan"] = "gold" }, Phones: [new("+14155550100")]), Ct);
        await server.ContactAsync(new ContactInput("Cid Moss", Attributes: new Dictionary<string, string> { ["tier"] = "Silver" }), Ct);
        var call = server.Calls.Add("+14155550199", null, NoVariables, annId);
        server.Answer(call.CallId, annId);
        var search = $"/api/v1/workspace/calls/{call.CallId}/client/search";

        var first = await GetAsync<ClientSearchResult>(ann, $"{search}?by=attribute&q=GOLD");
        var second = await GetAsync<ClientSearchResult>(ann, $"{search}?by=attribute&q=GOLD&page=2");

        Assert.Equal((2, 1, "Ann Smith"), (first.Total, first.Page, Assert.Single(first.Contacts).Name));
        Assert.Equal((2, 2, "Bob Jones"), (second.Total, second.Page, Assert.Single(second.Contacts).Name));
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "Gold" }, first.Contacts[0].Attributes);
        Assert.Contains("/card?token=", second.Contacts[0].Open, StringComparison.Ordinal);
        Assert.Equal("Bob Jones", Assert.Single((await GetAsync<ClientSearchResult>(ann, $"{search}?by=destination&q=%2B1%20415%20555%200100")).Contacts).Name);
        Assert.Equal("Ann Smith", Assert.Single((await GetAsync<ClientSearchResult>(ann, $"{search}?by=destination&q=ANN%40example.com")).Contacts).Name);
        Assert.Equal("Cid Moss", Assert.Single((await GetAsync<ClientSearchResult>(ann, $"{search}?by=name&q=mo")).Contacts).Name);

        using var unknownBy = await ann.GetAsync($"{search}?by=colour&q=gold", Ct);
        using var nothingTyped = await ann.GetAsync($"{search}?by=name&q=%20", Ct);
        using var notADestination = await ann.GetAsync($"{search}?by=destination&q=555", Ct);
        await unknownBy.ReadFieldErrorsAsync("by", Ct);
        await nothingTyped.ReadFieldErrorsAsync("q", Ct);
        await notADestination.ReadFieldErrorsAsync("q", Ct);
    }

    [Fact]
    public async Task Select_during_wrap_up_binds_the_call_to_the_contacts_timeline_once()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var (olgaId, olga) = await server.AgentAsync("olga", crmAccess: false, Ct);
        var contact = await server.ContactAsync(new ContactInput("Bob Jones"), Ct);
        var call = server.Calls.Add("+14155550199", null, NoVariables, olgaId, annId);
        server.Answer(call.CallId, annId);
        await server.EndAsync(call, annId, Ct);
        var select = $"/api/v1/workspace/calls/{call.CallId}/client/select";

        var card = await PostAsync<ClientCard>(ann, select, new { contactId = contact.Id });
        await PostAsync<ClientCard>(ann, select, new { contactId = contact.Id });

        Assert.Equal(contact.Id, card.Id);
        var entry = Assert.Single((await server.StoredContactAsync(contact.Id, Ct))!.Timeline);
        Assert.Equal((call.CallId.ToString(), call.StartedAt), (entry.ReferenceId, entry.At));
        using var unknown = await ann.PostAsJsonAsync(select, new { contactId = Guid.NewGuid() }, TestJson.Options, Ct);
        await unknown.ReadFieldErrorsAsync("contactId", Ct);
        // Olga was rung but did not answer: once the call is over it is not hers to look at.
        using var notHers = await olga.PostAsJsonAsync(select, new { contactId = contact.Id }, TestJson.Options, Ct);
        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
    }

    [Fact]
    public async Task An_agent_who_transferred_a_call_may_still_bind_it_to_a_contact_after_it_ended()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var (olgaId, _) = await server.AgentAsync("olga", crmAccess: false, Ct);
        var contact = await server.ContactAsync(new ContactInput("Bob Jones"), Ct);
        var call = server.Calls.Add("+14155550188", null, NoVariables, annId);
        server.Answer(call.CallId, annId);
        // Ann transferred the call to Olga, who talked last and hung up.
        await server.EndAsync(call, [annId, olgaId], Ct);

        var card = await PostAsync<ClientCard>(ann, $"/api/v1/workspace/calls/{call.CallId}/client/select", new { contactId = contact.Id });

        Assert.Equal(contact.Id, card.Id);
        Assert.Equal(call.CallId.ToString(), Assert.Single((await server.StoredContactAsync(contact.Id, Ct))!.Timeline).ReferenceId);
    }

    [Fact]
    public async Task A_contact_can_be_added_in_wrap_up_before_the_calls_record_is_stored()
    {
        var server = ClientInfoServer.Start(Factory);
        var (annId, ann) = await server.AgentAsync("ann", crmAccess: false, Ct);
        var call = server.Calls.Add("+14155550177", null, NoVariables, annId);
        server.Answer(call.CallId, annId);
        server.EndBeforeItsRecordIsStored(call, annId);

        var card = await PostAsync<ClientCard>(ann, $"/api/v1/workspace/calls/{call.CallId}/client/contacts",
            new { name = "Wanda Wrapup", linkCallerNumber = true });

        var stored = (await server.StoredContactAsync(card.Id, Ct))!;
        Assert.Equal("+14155550177", Assert.Single(stored.Phones).Number);
        Assert.Equal(call.CallId.ToString(), Assert.Single(stored.Timeline).ReferenceId);
    }

    [Fact]
    public async Task A_contact_added_from_a_chat_takes_the_chats_identity_from_the_contact_it_was_found_on()
    {
        var server = ClientInfoServer.Start(Factory);
        var earlier = await server.ContactAsync(new ContactInput("Wrongly Matched", MessagingIdentities: [new MessagingIdentityInput("webchat", "visitor-42")]), Ct);
        // Chats do not reach Client info yet; the tab's service is what their endpoints will call.
        var chat = new ClientConversation(Guid.NewGuid(), TimelineEntryKind.Chat, new ChannelIdentifier("webchat", "visitor-42"), null,
            LiveCallsDouble.StartedAt, NoVariables, Accepted: true);

        var added = await server.WithServicesAsync(services =>
            services.GetRequiredService<ClientInfoTab>().AddAsync(chat, new NewClientInput("Vera Visitor"), crmAccess: true, Ct));

        Assert.True(added.Succeeded);
        var created = (await server.StoredContactAsync(added.Value!.Id, Ct))!;
        Assert.Equal(new MessagingIdentityView("webchat", "visitor-42"), Assert.Single(created.MessagingIdentities));
        Assert.Equal(chat.Id.ToString(), Assert.Single(created.Timeline).ReferenceId);
        Assert.Empty((await server.StoredContactAsync(earlier.Id, Ct))!.MessagingIdentities);
    }

    private async Task<ClientInfoView> ShowAsync(HttpClient client, Guid callId) =>
        await GetAsync<ClientInfoView>(client, $"/api/v1/workspace/calls/{callId}/client");

    private async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options, Ct))!;
    }

    private async Task<T> PostAsync<T>(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, TestJson.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options, Ct))!;
    }
}

public sealed class ClientInfoApiTests_on_sqlite() : ClientInfoApiTests(StorageKind.Sqlite);

public sealed class ClientInfoApiTests_on_postgres() : ClientInfoApiTests(StorageKind.Postgres);
