using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Layout;

[Collection(SwitchboardSiteCollection.Name)]
public sealed class MainLayoutTests(SwitchboardSite site)
{
    private const string Password = "Layout-test-password-1";

    [Theory]
    [InlineData(Role.Agent, false, new[] { "Workspace" }, new[] { "Contacts", "Users", "Numbers" })]
    [InlineData(Role.Agent, true, new[] { "Workspace", "Contacts" }, new[] { "Users", "Numbers" })]
    [InlineData(Role.Supervisor, true, new[] { "Workspace", "Contacts" }, new[] { "Users", "Trunks" })]
    [InlineData(Role.Admin, false, new[] { "Workspace", "Numbers", "Scenarios", "Queues", "Users", "Sounds", "Trunks" }, new[] { "Contacts" })]
    public async Task Navigation_drawer_shows_what_the_account_may_use(Role role, bool crm, string[] shown, string[] hidden)
    {
        var username = await CreateUserAsync(role, crm);
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;

        await page.LogInAsync(username, Password);

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var name in shown)
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        foreach (var name in hidden)
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Page_the_account_may_not_open_answers_403_and_says_so()
    {
        var username = await CreateUserAsync(Role.Agent, crm: false);
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsync(username, Password);

        var response = await page.GotoAsync("/admin/users");

        Assert.Equal(403, response?.Status);
        await Expect(page.GetByTestId("not-allowed")).ToContainTextAsync("not allowed to open /admin/users");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Workspace" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dark_mode_switches_on_and_is_remembered_on_every_page()
    {
        var username = await CreateUserAsync(Role.Admin, crm: false);
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsync(username, Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" })).ToBeVisibleAsync();
        var lightBackground = await BackgroundAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light mode" })).ToBeVisibleAsync();
        var darkBackground = await BackgroundAsync(page);
        Assert.NotEqual(lightBackground, darkBackground);
        Assert.True(Brightness(darkBackground) < Brightness(lightBackground), $"{darkBackground} is not darker than {lightBackground}");

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light mode" })).ToBeVisibleAsync();
        await page.GotoAsync("/admin/trunks");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light mode" })).ToBeVisibleAsync();
        Assert.Equal(darkBackground, await BackgroundAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Light mode" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(site.Server.BaseAddress, "admin/trunks").ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" })).ToBeVisibleAsync();
        Assert.Equal(lightBackground, await BackgroundAsync(page));
    }

    [Fact]
    public async Task Every_page_has_the_switchboard_icon()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.GotoAsync("/login");

        var href = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var icon = await page.APIRequest.GetAsync(href!);

        Assert.Equal(200, icon.Status);
        Assert.StartsWith("image/svg+xml", icon.Headers["content-type"], StringComparison.Ordinal);
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    // "rgb(r, g, b)" → r + g + b.
    private static int Brightness(string rgb) =>
        rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
            .Split(',').Take(3).Sum(part => int.Parse(part.Trim(), System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string> CreateUserAsync(Role role, bool crm)
    {
        var username = $"layout-{Guid.NewGuid():N}"[..16];
        using var scope = site.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput(username, "Layout Tester", role, Password, CrmAccess: crm), CancellationToken.None);
        Assert.True(created.Succeeded);
        return username;
    }
}
