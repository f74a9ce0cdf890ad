using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;

namespace Switchboard.Browser.Tests.Components.Pages;

/// <summary>
/// axe-core (the engine browsers' accessibility tools use) over the login, every admin page, the desk and the CRM, as
/// an admin sees them once the page is live (the desk on a call and ringing: DeskLayoutTests): a serious or critical violation fails, naming the rule and the elements.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class AccessibilityTests(SwitchboardSite site)
{
    public static TheoryData<string> AdminPages =>
    [
        "/",
        "/admin/users", "/admin/users/new",
        "/admin/numbers", "/admin/numbers/new",
        "/admin/queues", "/admin/queues/new",
        "/admin/scenarios", "/admin/scenarios/new",
        "/admin/sounds",
        "/admin/trunks", "/admin/trunks/new",
        "/workspace",
        "/crm/contacts", "/crm/contacts/new",
    ];

    [Fact]
    public async Task The_login_page_has_no_serious_accessibility_violation()
    {
        await using var browser = await site.OpenBrowserAsync();
        await browser.Page.GotoAsync("/login");

        await Accessibility.AssertNoSeriousViolationsAsync(browser.Page);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admin_page_has_no_serious_accessibility_violation(string path)
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync(path);
        await WhenLiveAsync(page);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    // An interactive page keeps its controls disabled until its circuit is up; check what the user works with.
    private static async Task WhenLiveAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("fieldset.until-interactive").CountAsync() > 0)
            await page.Locator("fieldset.until-interactive:not([disabled])").WaitForAsync();
    }
}
