using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin;

[Collection(SwitchboardSiteCollection.Name)]
public sealed partial class UsersPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Users_grid_filters_sorts_and_pages()
    {
        var tag = $"g{Guid.NewGuid():N}"[..8];
        using (var scope = site.Server.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            for (var i = 1; i <= 12; i++)
                Assert.True((await users.CreateAsync(new UserInput($"{tag}-{i:D2}", $"Grid user {i}", Role.Agent, "Grid-password-1"), CancellationToken.None)).Succeeded);
        }

        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/users");
        var grid = page.GetByRole(AriaRole.Table);
        var rows = grid.Locator("tbody tr").Filter(new() { HasText = tag });

        await page.GetByLabel("Search users").FillAsync(tag);

        await Expect(rows).ToHaveCountAsync(10);
        await Expect(page.GetByText("1-10 of 12")).ToBeVisibleAsync();
        await Expect(rows.First).ToContainTextAsync($"{tag}-01");

        await grid.GetByRole(AriaRole.Columnheader, new() { Name = "Username" }).GetByText("Username").ClickAsync();
        await grid.GetByRole(AriaRole.Columnheader, new() { Name = "Username" }).GetByText("Username").ClickAsync();
        await Expect(rows.First).ToContainTextAsync($"{tag}-12");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Last).ToContainTextAsync($"{tag}-01");
    }

    [Fact]
    public async Task Saved_user_is_announced_and_kept_after_a_reload()
    {
        var username = $"s{Guid.NewGuid():N}"[..10];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/users");

        await page.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();
        await page.GetByLabel("Username", new() { Exact = true }).FillAsync(username);
        await page.GetByLabel("Display name").FillAsync("Saved Person");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Saved-password-1");
        await page.GetByLabel("CRM access").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save user" }).ClickAsync();

        await Expect(page.GetByText($"User {username} saved.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New user" })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.GetByLabel("Search users").FillAsync(username);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = username });
        await Expect(row).ToContainTextAsync("Saved Person");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Edit user {username}" }).ClickAsync();
        await Expect(page.GetByLabel("CRM access")).ToBeCheckedAsync();
        await page.GetByLabel("Display name").FillAsync("Renamed Person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save user" }).ClickAsync();
        await Expect(page.GetByText($"User {username} saved.")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/users");
        await page.GetByLabel("Search users").FillAsync(username);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = username })).ToContainTextAsync("Renamed Person");
    }

    [Fact]
    public async Task Bad_input_is_explained_under_its_field_and_nothing_is_saved()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/users/new");

        await page.GetByLabel("Username", new() { Exact = true }).FillAsync("X");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save user" }).ClickAsync();

        await Expect(page.GetByText("2 to 64 characters: lower-case letters, digits, '.', '_' or '-'.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Required for a new user.")).ToBeVisibleAsync();
        await Expect(page.GetByText("The user was not saved: see the messages under the fields.")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(NewUserPage());
    }

    [Fact]
    public async Task Deleting_your_own_account_is_refused_in_words()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/users");
        await page.GetByLabel("Search users").FillAsync(SwitchboardServer.AdminUsername);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete user {SwitchboardServer.AdminUsername}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(page.GetByTestId("error-id")).ToHaveTextAsync("You cannot delete your own account.");
    }

    [GeneratedRegex("/admin/users/new$")]
    private static partial Regex NewUserPage();
}
