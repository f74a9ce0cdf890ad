using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Crm;
using Switchboard.Server.Crm;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Crm;

/// <summary>The contact page's tabs Phones / Messaging / Emails, linking and unlinking in place.</summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class ContactTabsTests(SwitchboardSite site)
{
    [Fact]
    public async Task Tabs_show_one_way_to_reach_at_a_time_and_numbers_are_linked_and_unlinked_in_place()
    {
        Guid id;
        using (var scope = site.Server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<ContactAdmin>().CreateAsync(
                new ContactInput(
                    "Tabea Tabs",
                    Phones: [new ContactPhoneInput("+41 44 668 18 00", PhoneType.Work, Primary: true)],
                    MessagingIdentities: [new MessagingIdentityInput("telegram", "@tabea")],
                    Emails: ["tabea@example.com"]),
                CancellationToken.None);
            id = created.Value!.Id;
        }

        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync($"/crm/contacts/{id}");
        // The tabs answer once the page is live (the tab headers are not controls a disabled fieldset holds back).
        await page.Locator("fieldset.until-interactive:not([disabled])").WaitForAsync();

        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Phones" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByTestId("phone-row")).ToContainTextAsync("+41446681800");
        await Expect(page.GetByTestId("email-row")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Emails" }).ClickAsync();
        await Expect(page.GetByTestId("email-row")).ToHaveTextAsync("tabea@example.com");
        await Expect(page.GetByTestId("phone-row")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Messaging" }).ClickAsync();
        await Expect(page.GetByTestId("messaging-row")).ToContainTextAsync("@tabea");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Phones" }).ClickAsync();
        await page.GetByLabel("Number", new() { Exact = true }).FillAsync("044 668 18 01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link number" }).ClickAsync();
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("in international form"))).ToBeVisibleAsync();
        await page.GetByLabel("Number", new() { Exact = true }).FillAsync("+41 44 668 18 01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link number" }).ClickAsync();
        await Expect(page.GetByText("+41 44 668 18 01 linked.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("phone-row")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "Unlink +41446681800" }).ClickAsync();
        await Expect(page.GetByTestId("phone-row")).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("phone-row")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("\\+41446681801"));
    }
}
