using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Crm;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Crm;

/// <summary>The contact list: a grid the database sorts, filters and pages, whose search the address keeps.</summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class ContactListTests(SwitchboardSite site)
{
    [Fact]
    public async Task The_list_pages_and_sorts_in_the_database_and_its_address_brings_the_same_page_back()
    {
        var tag = $"pager{Guid.NewGuid():N}"[..11];
        await CreateContactsAsync([.. Enumerable.Range(1, 30).Select(i => new ContactInput($"{tag} {i:00}"))]);
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync($"/crm/contacts?q={tag}");
        var rows = page.Locator("tr.contact-row");

        await Expect(page.GetByTestId("contact-count")).ToHaveTextAsync("30 contacts");
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.First).ToContainTextAsync($"{tag} 01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.First).ToContainTextAsync($"{tag} 26");
        await Expect(page).ToHaveURLAsync(new Regex($"q={tag}.*page=2"));

        await page.ReloadAsync();
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.First).ToContainTextAsync($"{tag} 26");

        await page.GetByRole(AriaRole.Button, new() { Name = "Name, sorted A to Z: sort Z to A" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-name"));
        await Expect(rows.First).ToContainTextAsync($"{tag} 30");
        await Expect(rows).ToHaveCountAsync(25);

        await page.GoBackAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("sort="));
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.First).ToContainTextAsync($"{tag} 26");
    }

    [Fact]
    public async Task The_search_filters_by_label_and_owner_in_the_address_and_explains_a_number_it_cannot_read()
    {
        var tag = $"filter{Guid.NewGuid():N}"[..12];
        var (ownerId, ownerName) = await CreateOwnerAsync();
        await CreateContactsAsync(
        [
            new ContactInput($"{tag} Ada", Labels: [$"{tag}-gold"]),
            new ContactInput($"{tag} Bea", OwnerId: ownerId),
            new ContactInput($"{tag} Cid", OwnerId: ownerId, Labels: [$"{tag}-gold"]),
        ]);
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/crm/contacts");
        var rows = page.Locator("tr.contact-row");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(tag);
        await page.GetByLabel("Label", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{tag}-gold", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page).ToHaveURLAsync(new Regex($"label={tag}-gold"));

        await page.GetByLabel("Owner", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = ownerName, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync($"{tag} Cid");
        await Expect(rows.First).ToContainTextAsync(ownerName);
        await Expect(page).ToHaveURLAsync(new Regex($"owner={ownerId}"));

        await page.GoBackAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("Owner", new() { Exact = true })).ToHaveValueAsync("Anyone");

        await page.GetByLabel("Number or e-mail").FillAsync("555-0100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByText("Not a phone number or e-mail address")).ToBeVisibleAsync();
        await Expect(page.GetByText("No contacts found.")).ToBeVisibleAsync();
    }

    private async Task CreateContactsAsync(IReadOnlyList<ContactInput> contacts)
    {
        using var scope = site.Server.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<ContactAdmin>();
        foreach (var contact in contacts)
            Assert.True((await admin.CreateAsync(contact, CancellationToken.None)).Succeeded);
    }

    private async Task<(Guid Id, string Name)> CreateOwnerAsync()
    {
        var username = $"own-{Guid.NewGuid():N}"[..12];
        var name = $"Owner {username[4..]}";
        using var scope = site.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput(username, name, Role.Agent, "Owner-password-1"), CancellationToken.None);
        Assert.True(created.Succeeded);
        return (created.Value!.Id, name);
    }
}
