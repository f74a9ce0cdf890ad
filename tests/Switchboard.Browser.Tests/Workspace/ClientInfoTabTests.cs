using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Crm;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// Issue 6's Client info on live calls placed by sipp: the agent (no CRM access) answers on a SIP phone played by
/// sipp, and works the tab in the workspace page.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class ClientInfoTabTests(SwitchboardSite site)
{
    private readonly WorkspaceSetup _setup = new(site);
    private readonly ClientInfoPhones _phones = new(site);

    [Fact]
    public async Task Unknown_caller_is_added_after_answering_and_the_next_call_from_the_number_shows_the_contact()
    {
        var line = await LineAsync("Nora");
        var callerUser = CallerUser();
        await using var browser = await site.OpenBrowserAsync();
        var page = await OpenWorkspaceAsync(browser, line);
        var tab = page.Locator("#client-info");

        using (var directory = new TemporaryDirectory())
        {
            await using var phone = await _phones.AgentPhoneAsync(line.SipUsername, line.PhonePort, directory);
            await using var caller = await _phones.CallAsync(line.Number, callerUser, directory);

            await Expect(tab.GetByTestId("client-none")).ToHaveTextAsync("No contact found");
            await Expect(tab.GetByTestId("client-queue")).ToHaveTextAsync(line.QueueName);
            await Expect(tab.GetByTestId("client-variables")).ToContainTextAsync("X-Order");
            await Expect(tab.GetByTestId("client-variables")).ToContainTextAsync("A-77");
            await Expect(AddButton(tab)).ToBeDisabledAsync();
            await Expect(AddButton(tab)).ToBeEnabledAsync();

            await AddButton(tab).ClickAsync();
            // As the seed has it, adding a contact during a call does not link the caller's number by itself.
            await Expect(tab.GetByLabel("Link the caller's number")).Not.ToBeCheckedAsync();
            await tab.GetByLabel("Name", new() { Exact = true }).FillAsync("Nora Quinn");
            await tab.GetByLabel("New labels").FillAsync("Prospect, Key account");
            await tab.GetByLabel("Description", new() { Exact = true }).FillAsync("Wants a callback on Mondays.");
            await AddButton(tab).ClickAsync();

            await Expect(tab.GetByTestId("contact-name")).ToHaveTextAsync("Nora Quinn");
            await Expect(tab.GetByRole(AriaRole.List, new() { Name = "Labels" })).ToHaveTextAsync("Key accountProspect");
            await Expect(tab.GetByTestId("phone-row")).ToHaveCountAsync(0);
            // Linking is one click away.
            await tab.GetByRole(AriaRole.Button, new() { Name = $"Link +{callerUser}" }).ClickAsync();
            await Expect(tab.GetByTestId("phone-row")).ToContainTextAsync($"+{callerUser}");
            // The choice to collapse a block stays with the agent, for the next call too.
            await tab.GetByRole(AriaRole.Button, new() { Name = "Member description" }).ClickAsync();
            await HangUpAsync(page);
            await WaitAsync(caller);
            await WaitAsync(phone);
        }

        var added = await ContactsWithNumberAsync(callerUser);
        Assert.Equal("Nora Quinn", Assert.Single(added).Name);
        Assert.Equal(["Key account", "Prospect"], added[0].Labels);
        Assert.Single(added[0].Timeline);

        using (var directory = new TemporaryDirectory())
        {
            await using var phone = await _phones.AgentPhoneAsync(line.SipUsername, line.PhonePort, directory);
            await using var caller = await _phones.CallAsync(line.Number, callerUser, directory);

            // Add was enabled on the call before: disabled again, the tab shows the new, ringing call.
            await Expect(AddButton(tab)).ToBeDisabledAsync();
            await Expect(tab.GetByTestId("contact-name")).ToHaveTextAsync("Nora Quinn");
            await Expect(tab.GetByTestId("client-none")).ToHaveCountAsync(0);
            await Expect(tab.GetByRole(AriaRole.Button, new() { Name = "Member description" })).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(AddButton(tab)).ToBeEnabledAsync();
            await HangUpAsync(page);
            await WaitAsync(caller);
            await WaitAsync(phone);
        }
    }

    [Fact]
    public async Task Search_by_attribute_shows_two_contacts_one_by_one_Select_binds_the_call_and_Open_shows_a_read_only_card()
    {
        var line = await LineAsync("Omar");
        var tier = $"Tier-{Guid.NewGuid():N}"[..13];
        await ContactAsync(new ContactInput("Mia Stone", Attributes: new Dictionary<string, string> { ["tier"] = tier }, Emails: ["mia@example.com"]));
        await ContactAsync(new ContactInput("Leo Stone", Attributes: new Dictionary<string, string> { ["tier"] = tier }, Phones: [new("+41446681800")]));
        await using var browser = await site.OpenBrowserAsync();
        var page = await OpenWorkspaceAsync(browser, line);
        var tab = page.Locator("#client-info");

        using var directory = new TemporaryDirectory();
        await using var phone = await _phones.AgentPhoneAsync(line.SipUsername, line.PhonePort, directory);
        await using var caller = await _phones.CallAsync(line.Number, CallerUser(), directory);

        await Expect(tab.GetByTestId("client-none")).ToBeVisibleAsync();
        await tab.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await tab.GetByRole(AriaRole.Radiogroup, new() { Name = "Search by" }).GetByText("Attribute value").ClickAsync();
        await tab.GetByLabel("Search for").FillAsync(tier.ToUpperInvariant());
        await tab.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(tab.GetByTestId("search-position")).ToHaveTextAsync("1 of 2");
        await Expect(tab.GetByTestId("contact-name")).ToHaveTextAsync("Leo Stone");
        await tab.GetByRole(AriaRole.Tab, new() { Name = "Phones" }).ClickAsync();
        await Expect(tab.GetByRole(AriaRole.Tabpanel)).ToContainTextAsync("+41446681800");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(tab.GetByTestId("search-position")).ToHaveTextAsync("2 of 2");
        await Expect(tab.GetByTestId("contact-name")).ToHaveTextAsync("Mia Stone");
        await tab.GetByRole(AriaRole.Tab, new() { Name = "Emails" }).ClickAsync();
        await Expect(tab.GetByRole(AriaRole.Tabpanel)).ToHaveTextAsync("mia@example.com");

        var card = await page.RunAndWaitForPopupAsync(() => tab.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync());
        await Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Mia Stone" })).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await Expect(card.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await Expect(card.GetByTestId("contact-row")).ToHaveCountAsync(0);
        await card.CloseAsync();

        await tab.GetByRole(AriaRole.Button, new() { Name = "Select" }).ClickAsync();
        await Expect(tab.GetByTestId("contact-name")).ToHaveTextAsync("Mia Stone");
        await Expect(tab.GetByTestId("search-position")).ToHaveCountAsync(0);
        await HangUpAsync(page);
        await WaitAsync(caller);
        await WaitAsync(phone);

        var mia = await FindByNameAsync("Mia Stone", tier);
        var leo = await FindByNameAsync("Leo Stone", tier);
        Assert.Single(mia.Timeline);
        Assert.Empty(leo.Timeline);
    }

    /// <summary>The agent hangs up in the workspace; the switchboard ends the call for the caller and the phone.</summary>
    private static async Task HangUpAsync(IPage page)
    {
        var hangUp = page.GetByRole(AriaRole.Button, new() { Name = "Hang up" });
        await Expect(hangUp).ToBeEnabledAsync();
        await hangUp.ClickAsync();
    }

    private static ILocator AddButton(ILocator tab) => tab.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true });

    /// <summary>A From user that makes a caller number no other test uses.</summary>
    private static string CallerUser() => "1415" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    private static async Task WaitAsync(RunningSipp sipp)
    {
        var run = await sipp.WaitAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private async Task<IPage> OpenWorkspaceAsync(BrowserSession browser, Line line)
    {
        var page = browser.Page;
        await page.LogInAsync(line.Username, WorkspaceSetup.AgentPassword);
        await page.GotoAsync("/workspace");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await AgentWorkspace.ChooseStatusAsync(page, "Ready");
        await _setup.AgentBecomesAsync(line.AgentId, agent => agent.Status == AgentStatus.Ready);
        return page;
    }

    /// <summary>
    /// An agent without CRM access who answers on a SIP phone, a queue with them in it, a number whose scenario sets a
    /// call variable and sends the call to the queue, and a trunk that lets the callers in.
    /// </summary>
    private async Task<Line> LineAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var username = $"ci-{suffix}";
        var sipUsername = $"phone{suffix}";
        var agent = await AdminAsync<UserAdmin, UserView>(users => users.CreateAsync(
            new UserInput(username, $"{name} Agent", Role.Agent, WorkspaceSetup.AgentPassword, CrmAccess: false,
                SipUsername: sipUsername, SipPassword: SippDevice.SipPassword(sipUsername), WebphoneEnabled: false),
            CancellationToken.None));
        var queueName = $"Care {suffix}";
        var queueId = await _setup.CreateQueueAsync(queueName, wrapUpSeconds: 1, agent.Id);
        var scenario = await AdminAsync<ScenarioAdmin, ScenarioView>(scenarios => scenarios.CreateAsync(
            new ScenarioInput($"Client info {suffix}", [new SetVariableAction("X-Order", "A-77"), new QueueAction(queueId)]),
            CancellationToken.None));
        var number = "+1202" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        await AdminAsync<TrunkAdmin, TrunkView>(trunks => trunks.CreateAsync(new TrunkInput($"Carrier {suffix}", [ClientInfoPhones.CallerAddress]), CancellationToken.None));
        await AdminAsync<NumberAdmin, NumberView>(numbers => numbers.CreateAsync(new NumberInput(number, null, scenario.Id), CancellationToken.None));
        return new Line(agent.Id, username, sipUsername, FreePort.Find(), queueName, number);
    }

    private Task<ContactView> ContactAsync(ContactInput input) =>
        AdminAsync<ContactAdmin, ContactView>(contacts => contacts.CreateAsync(input, CancellationToken.None));

    private async Task<List<ContactView>> ContactsWithNumberAsync(string callerUser)
    {
        using var scope = site.Server.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ContactDirectory>();
        var identified = await directory.IdentifyByNumberAsync("+" + callerUser, CancellationToken.None);
        var contacts = new List<ContactView>();
        foreach (var summary in identified.Value!)
            contacts.Add((await directory.GetAsync(summary.Id, CancellationToken.None))!);
        return contacts;
    }

    private async Task<ContactView> FindByNameAsync(string name, string tier)
    {
        using var scope = site.Server.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ContactDirectory>();
        var found = await directory.SearchAsync(new ContactSearchInput(Q: name, Attribute: tier), CancellationToken.None);
        return (await directory.GetAsync(Assert.Single(found.Value!.Items).Id, CancellationToken.None))!;
    }

    private async Task<TView> AdminAsync<TAdmin, TView>(Func<TAdmin, Task<Server.Admin.AdminResult<TView>>> change)
        where TAdmin : notnull
    {
        using var scope = site.Server.Services.CreateScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<TAdmin>());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));
        return result.Value!;
    }

    private sealed record Line(Guid AgentId, string Username, string SipUsername, int PhonePort, string QueueName, string Number);
}
