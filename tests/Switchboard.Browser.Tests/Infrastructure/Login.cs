using Microsoft.Playwright;

namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>Logs in the way a person does: the login page's form.</summary>
public static class Login
{
    public static async Task LogInAsync(this IPage page, string username, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    public static Task LogInAsAdminAsync(this IPage page) =>
        page.LogInAsync(SwitchboardServer.AdminUsername, SwitchboardServer.AdminPassword);
}
