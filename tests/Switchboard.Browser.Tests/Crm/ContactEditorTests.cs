using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Server.Crm;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Crm;

/// <summary>The contact editor over the circuit: messages under their fields, a snackbar on save, unsaved changes kept or left.</summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class ContactEditorTests(SwitchboardSite site)
{
    [Fact]
    public async Task A_refused_contact_shows_each_message_under_its_field_and_saves_once_corrected()
    {
        var name = $"Editor {Guid.NewGuid():N}"[..15];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/crm/contacts/new");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await page.GetByLabel("Number 1", new() { Exact = true }).FillAsync("555 0100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add messaging identity" }).ClickAsync();
        await page.GetByLabel("Channel 1").FillAsync("telegram");
        await page.GetByLabel("E-mail addresses").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();

        await Expect(page.GetByText("The contact was not saved: see the messages under the fields.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Enter the contact's name.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("phone-row")).ToContainTextAsync("international form");
        await Expect(page.GetByTestId("messaging-row")).ToContainTextAsync("Enter the contact's id on that channel");
        await Expect(page.GetByText("Not an e-mail address; write it like ann@example.com")).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Number 1", new() { Exact = true }).FillAsync("+1 415 555 0100");
        await page.GetByLabel("Type of number 1").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Work", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove identity 1" }).ClickAsync();
        await page.GetByLabel("E-mail addresses").FillAsync("ann@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("phone-row")).ToContainTextAsync("+14155550100");
        await Expect(page.GetByTestId("phone-row")).ToContainTextAsync("Work");
        await Expect(page.GetByTestId("messaging-row")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_staying_keeps_them()
    {
        var name = $"Unsaved {Guid.NewGuid():N}"[..16];
        Guid id;
        using (var scope = site.Server.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<ContactAdmin>().CreateAsync(new ContactInput(name), CancellationToken.None)).Value!.Id;
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync($"/crm/contacts/{id}/edit");
        await Expect(page.GetByTestId("unsaved")).ToHaveCountAsync(0);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"{name} changed");
        await Expect(page.GetByTestId("unsaved")).ToHaveTextAsync("Unsaved changes");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Contacts" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Leave this contact without saving your changes?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/crm/contacts/{id}/edit$"));
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync($"{name} changed");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Contacts" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contacts", Level = 1 })).ToBeVisibleAsync();
    }
}
