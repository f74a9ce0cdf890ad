using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages;

[Collection(SwitchboardSiteCollection.Name)]
public sealed partial class LoginTests(SwitchboardSite site)
{
    [Fact]
    public async Task Anonymous_visit_to_an_admin_page_lands_on_the_login_page()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;

        await page.GotoAsync("/admin/scenarios");

        await Expect(page).ToHaveURLAsync(LoginPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_and_stays_on_the_login_page()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;

        await page.LogInAsync(SwitchboardServer.AdminUsername, "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong username or password");
        await Expect(page).ToHaveURLAsync(LoginPage());
    }

    [Fact]
    public async Task Admin_who_logs_in_from_an_admin_page_returns_to_it()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.GotoAsync("/admin/queues");

        await page.GetByLabel("Username").FillAsync(SwitchboardServer.AdminUsername);
        await page.GetByLabel("Password").FillAsync(SwitchboardServer.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Queues", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync("Scenarios");
    }

    [GeneratedRegex(@"/login(\?|$)")]
    private static partial Regex LoginPage();
}
