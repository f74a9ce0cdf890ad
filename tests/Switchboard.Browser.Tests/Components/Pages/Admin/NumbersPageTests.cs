using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Scenarios;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin;

[Collection(SwitchboardSiteCollection.Name)]
public sealed class NumbersPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Numbers_grid_filters_sorts_and_pages()
    {
        var (scenarioName, scenarioId) = await CreateScenarioAsync();
        var prefix = $"+4930{Random.Shared.Next(1000, 9999)}";
        using (var scope = site.Server.Services.CreateScope())
        {
            var numbers = scope.ServiceProvider.GetRequiredService<NumberAdmin>();
            for (var i = 10; i <= 21; i++)
                Assert.True((await numbers.CreateAsync(new NumberInput($"{prefix}{i}", $"Line {i}", scenarioId), CancellationToken.None)).Succeeded);
        }

        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/numbers");
        var grid = page.GetByRole(AriaRole.Table);
        var rows = grid.Locator("tbody tr").Filter(new() { HasText = scenarioName });

        await page.GetByLabel("Search numbers").FillAsync(scenarioName);

        await Expect(rows).ToHaveCountAsync(10);
        await Expect(page.GetByText("1-10 of 12")).ToBeVisibleAsync();
        await Expect(rows.First).ToContainTextAsync($"{prefix}10");

        var numberHeader = grid.GetByRole(AriaRole.Columnheader, new() { Name = "Number" }).GetByText("Number");
        await numberHeader.ClickAsync();
        await numberHeader.ClickAsync();
        await Expect(rows.First).ToContainTextAsync($"{prefix}21");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Last).ToContainTextAsync($"{prefix}10");
    }

    [Fact]
    public async Task Saved_number_is_announced_and_kept_after_a_reload()
    {
        var (scenarioName, _) = await CreateScenarioAsync();
        var number = $"+4122{Random.Shared.Next(1000000, 9999999)}";
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/numbers/new");

        await page.GetByLabel("Number", new() { Exact = true }).FillAsync(number);
        await page.GetByLabel("Label").FillAsync("Front desk");
        await page.GetByLabel("Scenario").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = scenarioName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();

        await Expect(page.GetByText($"Number {number} saved.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New number" })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.GetByLabel("Search numbers").FillAsync(number);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync("Front desk");
        await Expect(row).ToContainTextAsync(scenarioName);
    }

    [Fact]
    public async Task Bad_input_is_explained_under_its_field_and_nothing_is_saved()
    {
        Assert.False(E164.TryNormalize("12ab", out _, out var numberMessage));
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/numbers/new");

        await page.GetByLabel("Number", new() { Exact = true }).FillAsync("12ab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();

        await Expect(page.GetByText(numberMessage)).ToBeVisibleAsync();
        await Expect(page.GetByText("Choose the scenario this number runs.")).ToBeVisibleAsync();
        await Expect(page.GetByText("The number was not saved: see the messages under the fields.")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/numbers");
        await page.GetByLabel("Search numbers").FillAsync("12ab");
        await Expect(page.GetByText("No numbers to show.")).ToBeVisibleAsync();
    }

    private async Task<(string Name, Guid Id)> CreateScenarioAsync()
    {
        var name = $"Scenario {Guid.NewGuid():N}"[..17];
        using var scope = site.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ScenarioAdmin>()
            .CreateAsync(new ScenarioInput(name, [new HangupAction()]), CancellationToken.None);
        Assert.True(created.Succeeded);
        return (name, created.Value!.Id);
    }
}
