using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Server.Admin.Queues;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin;

[Collection(SwitchboardSiteCollection.Name)]
public sealed class QueuesPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Queues_grid_filters_sorts_and_pages()
    {
        var tag = $"q{Guid.NewGuid():N}"[..8];
        using (var scope = site.Server.Services.CreateScope())
        {
            var queues = scope.ServiceProvider.GetRequiredService<QueueAdmin>();
            for (var i = 1; i <= 12; i++)
                Assert.True((await queues.CreateAsync(new QueueInput($"{tag} queue {i:D2}"), CancellationToken.None)).Succeeded);
        }

        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/queues");
        var grid = page.GetByRole(AriaRole.Table);
        var rows = grid.Locator("tbody tr").Filter(new() { HasText = tag });

        await page.GetByLabel("Search queues").FillAsync(tag);

        await Expect(rows).ToHaveCountAsync(10);
        await Expect(page.GetByText("1-10 of 12")).ToBeVisibleAsync();

        var nameHeader = grid.GetByRole(AriaRole.Columnheader, new() { Name = "Name" }).GetByText("Name");
        await nameHeader.ClickAsync();
        await Expect(rows.First).ToContainTextAsync($"{tag} queue 01");
        await nameHeader.ClickAsync();
        await Expect(rows.First).ToContainTextAsync($"{tag} queue 12");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Last).ToContainTextAsync($"{tag} queue 01");
    }

    [Fact]
    public async Task Saved_queue_with_an_agent_is_announced_and_kept_after_a_reload()
    {
        var name = $"Sales {Guid.NewGuid():N}"[..14];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/queues/new");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Ring each agent (s)").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agent" }).ClickAsync();
        await page.GetByLabel("Agent 1", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Administrator (admin)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save queue" }).ClickAsync();

        await Expect(page.GetByText($"Queue {name} saved.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New queue" })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.GetByLabel("Search queues").FillAsync(name);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("1");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Edit queue {name}" }).ClickAsync();
        await Expect(page.GetByLabel("Ring each agent (s)")).ToHaveValueAsync("25");
        await Expect(page.GetByLabel("Agent 1", new() { Exact = true })).ToHaveValueAsync("Administrator (admin)");
    }

    [Fact]
    public async Task Dispositions_are_typed_in_place_reordered_and_a_repeat_is_explained_under_its_line()
    {
        var name = $"Leads {Guid.NewGuid():N}"[..14];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/queues/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add disposition" });
        await add.ClickAsync();
        await page.GetByLabel("Disposition 1", new() { Exact = true }).FillAsync("Sale");
        await add.ClickAsync();
        await page.GetByLabel("Disposition 2", new() { Exact = true }).FillAsync("sale");
        await page.GetByLabel("A disposition is required at wrap-up").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save queue" }).ClickAsync();

        await Expect(page.GetByText("'sale' is already a disposition of this queue")).ToBeVisibleAsync();
        await page.GetByLabel("Disposition 2", new() { Exact = true }).FillAsync("No interest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move disposition 2 up" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save queue" }).ClickAsync();
        await Expect(page.GetByText($"Queue {name} saved.")).ToBeVisibleAsync();
        await page.GetByLabel("Search queues").FillAsync(name);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit queue {name}" }).ClickAsync();
        await Expect(page.GetByLabel("Disposition 1", new() { Exact = true })).ToHaveValueAsync("No interest");
        await Expect(page.GetByLabel("Disposition 2", new() { Exact = true })).ToHaveValueAsync("Sale");
        await Expect(page.GetByLabel("A disposition is required at wrap-up")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Bad_input_is_explained_under_its_field_and_nothing_is_saved()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/queues/new");

        await page.GetByLabel("Ring each agent (s)").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agent" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save queue" }).ClickAsync();

        await Expect(page.GetByText("Enter a name")).ToBeVisibleAsync();
        await Expect(page.GetByText("Ring each agent for 5 to 300 seconds")).ToBeVisibleAsync();
        await Expect(page.GetByText("Choose a user")).ToBeVisibleAsync();
        await Expect(page.GetByText("The queue was not saved: see the messages under the fields.")).ToBeVisibleAsync();
    }
}
