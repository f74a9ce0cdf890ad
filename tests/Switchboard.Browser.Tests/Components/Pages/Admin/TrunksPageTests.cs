using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Trunks;
using Switchboard.Server.Admin.Trunks;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin;

[Collection(SwitchboardSiteCollection.Name)]
public sealed class TrunksPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Saved_trunk_with_its_registration_is_announced_and_kept_after_a_reload()
    {
        var name = $"Carrier {Guid.NewGuid():N}"[..16];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/trunks");

        await page.GetByRole(AriaRole.Link, new() { Name = "New trunk" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Inbound addresses").FillAsync("192.0.2.10\n198.51.100.0/24");
        await page.GetByLabel("Outbound host").FillAsync("sip.carrier.example:5060");
        await page.GetByLabel("Registers with the carrier").CheckAsync();
        await page.GetByLabel("Registrar").FillAsync("registrar.carrier.example");
        await page.GetByLabel("Registration username").FillAsync("acct-1");
        await page.GetByLabel("Registration password").FillAsync("carrier-secret");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save trunk" }).ClickAsync();

        await Expect(page.GetByText($"Trunk {name} saved.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New trunk" })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.GetByLabel("Search trunks").FillAsync(name);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("192.0.2.10, 198.51.100.0/24");
        await Expect(row).ToContainTextAsync("sip.carrier.example:5060");
        await Expect(row).ToContainTextAsync("registrar.carrier.example");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Edit trunk {name}" }).ClickAsync();
        await Expect(page.GetByLabel("Registers with the carrier")).ToBeCheckedAsync();
        await Expect(page.GetByText("Empty: unchanged")).ToBeVisibleAsync();
        await page.GetByLabel("Registrar").FillAsync("other.carrier.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save trunk" }).ClickAsync();
        await Expect(page.GetByText($"Trunk {name} saved.")).ToBeVisibleAsync();
        await page.GetByLabel("Search trunks").FillAsync(name);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("other.carrier.example");
    }

    [Fact]
    public async Task Bad_input_is_explained_under_its_field_and_nothing_is_saved()
    {
        Assert.False(AddressRange.TryParse("not-an-address", out _, out var addressMessage));
        var name = $"Bad {Guid.NewGuid():N}"[..12];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/trunks/new");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Inbound addresses").FillAsync("192.0.2.10\nnot-an-address");
        await page.GetByLabel("Registers with the carrier").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save trunk" }).ClickAsync();

        await Expect(page.GetByText("Enter the username the carrier gave you")).ToBeVisibleAsync();
        await Expect(page.GetByText("Enter the password the carrier gave you")).ToBeVisibleAsync();
        await Expect(page.GetByText(addressMessage)).ToBeVisibleAsync();
        await Expect(page.GetByText("The trunk was not saved: see the messages under the fields.")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/trunks");
        await page.GetByLabel("Search trunks").FillAsync(name);
        await Expect(page.GetByText("No trunks to show.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Deleting_a_trunk_asks_first()
    {
        var name = $"Gone {Guid.NewGuid():N}"[..13];
        using (var scope = site.Server.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<TrunkAdmin>()
                .CreateAsync(new TrunkInput(name, ["203.0.113.7"], null, null), CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/trunks");
        await page.GetByLabel("Search trunks").FillAsync(name);
        // The grid re-renders as the search narrows it: act once the trunk's row is the only one left.
        await Expect(page.GetByRole(AriaRole.Table).Locator("tbody tr:only-child")).ToContainTextAsync(name);
        var delete = page.GetByRole(AriaRole.Button, new() { Name = $"Delete trunk {name}" });

        await delete.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(1);

        await delete.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Trunk {name} deleted.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No trunks to show.")).ToBeVisibleAsync();
    }
}
