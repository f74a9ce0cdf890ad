using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Crm;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Crm;

[Collection(SwitchboardSiteCollection.Name)]
public sealed partial class ContactPagesTests(SwitchboardSite site)
{
    private const string AgentPassword = "Browser-test-agent-1";

    [Fact]
    public async Task Admin_creates_finds_and_edits_a_contact_with_a_number_and_a_label()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Contacts" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New contact" }).ClickAsync();
        // The list has a Name field too: type once the editor is there.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New contact", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Annika Lindqvist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await page.GetByLabel("Number 1", new() { Exact = true }).FillAsync("415 555 0142");
        await page.GetByLabel("New labels").FillAsync("Key account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();
        await Expect(page.GetByTestId("phone-row")).ToContainTextAsync("international form");

        await page.GetByLabel("Number 1", new() { Exact = true }).FillAsync("+1 415 555 0142");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annika Lindqvist" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("phone-row")).ToContainTextAsync("+14155550142");
        await Expect(page.GetByTestId("contact-labels")).ToHaveTextAsync("Key account");

        await page.GotoAsync("/crm/contacts");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("lindq ann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("tr.contact-row")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr.contact-row")).ToContainTextAsync("+14155550142");
        await page.GetByLabel("Number or e-mail").FillAsync("+1 415 555 9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByText("No contacts found.")).ToBeVisibleAsync();

        await page.GotoAsync("/crm/contacts?label=Key%20account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Annika Lindqvist" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit contact Annika Lindqvist" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Annika Berg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add attribute" }).ClickAsync();
        await page.GetByLabel("Attribute name 1").FillAsync("customer no");
        await page.GetByLabel("Attribute value 1").FillAsync("C-77");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annika Berg" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contact-attribute")).ToHaveTextAsync("C-77");
        await page.Locator("fieldset.until-interactive:not([disabled])").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Messaging" }).ClickAsync();
        await page.GetByLabel("Channel").FillAsync("telegram");
        await page.GetByLabel("Identifier").FillAsync("@annika");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link identity" }).ClickAsync();
        await Expect(page.GetByTestId("messaging-row")).ToContainTextAsync("@annika");
        await page.GotoAsync("/crm/contacts?attribute=c-77");
        await Expect(page.Locator("tr.contact-row")).ToContainTextAsync("Annika Berg");
    }

    [Fact]
    public async Task Agent_without_CRM_access_opens_a_read_only_card_from_a_link_and_can_only_read_it()
    {
        var contactId = await CreateContactAsync("Bruno Keller", "+41 44 668 18 00");
        var agent = await CreateAgentAsync();
        await using var adminBrowser = await site.OpenBrowserAsync();
        var adminPage = adminBrowser.Page;
        await adminPage.LogInAsAdminAsync();
        await adminPage.GotoAsync($"/crm/contacts/{contactId}");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Create read-only link" }).ClickAsync();
        var link = await adminPage.GetByLabel(ReadOnlyLinkLabel()).InputValueAsync();

        await using var agentBrowser = await site.OpenBrowserAsync();
        var page = agentBrowser.Page;
        await page.LogInAsync(agent, AgentPassword);
        await page.GotoAsync(link);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bruno Keller" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("phone-row")).ToContainTextAsync("+41446681800");
        await Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await Expect(page.Locator("tr.contact-row")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/crm/contacts", "/crm/contacts/new", $"/crm/contacts/{contactId}/edit", $"/crm/contacts/{contactId}" })
        {
            var refused = await page.GotoAsync(path);
            Assert.Equal(403, refused!.Status);
            await Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        }
        var otherContactId = await CreateContactAsync("Carla Rossi", "+39 06 1234 5678");
        await page.GotoAsync(link.Replace(contactId.ToString(), otherContactId.ToString(), StringComparison.Ordinal));
        await Expect(page.GetByTestId("card-refused")).ToBeVisibleAsync();
        await Expect(page.GetByText("Carla Rossi")).ToHaveCountAsync(0);
    }

    private async Task<Guid> CreateContactAsync(string name, string number)
    {
        using var scope = site.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ContactAdmin>()
            .CreateAsync(new ContactInput(name, Phones: [new ContactPhoneInput(number, Primary: true)]), CancellationToken.None);
        Assert.True(created.Succeeded);
        return created.Value!.Id;
    }

    private async Task<string> CreateAgentAsync()
    {
        var username = $"agent-{Guid.NewGuid():N}"[..14];
        using var scope = site.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput(username, "Card Reader", Role.Agent, AgentPassword), CancellationToken.None);
        Assert.True(created.Succeeded);
        return username;
    }

    [GeneratedRegex("^Read-only link")]
    private static partial Regex ReadOnlyLinkLabel();
}
