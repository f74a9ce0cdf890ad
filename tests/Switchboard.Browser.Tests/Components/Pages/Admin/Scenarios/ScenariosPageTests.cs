using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Scenarios;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin.Scenarios;

[Collection(SwitchboardSiteCollection.Name)]
public sealed class ScenariosPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Scenarios_are_listed_with_their_actions_in_order_and_searched()
    {
        var name = await CreateScenarioAsync([new AnswerAction(), new SetVariableAction("language", "en"), new HangupAction()]);
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/scenarios");

        await page.GetByLabel("Search scenarios").FillAsync(name);

        var rows = page.GetByRole(AriaRole.Table).Locator("tbody tr").Filter(new() { HasText = name });
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("Answer → Set variable → Hang up");
        await rows.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("action-kind")).ToHaveTextAsync(["Answer", "Set variable", "Hang up"]);
    }

    [Fact]
    public async Task A_scenario_a_number_runs_is_not_deleted_and_says_where_it_is_used()
    {
        var used = await CreateScenarioAsync([new HangupAction()]);
        var unused = await CreateScenarioAsync([new HangupAction()]);
        var number = $"+4930{Random.Shared.Next(1000000, 9999999)}";
        using (var scope = site.Server.Services.CreateScope())
        {
            var scenarioId = (await scope.ServiceProvider.GetRequiredService<ScenarioAdmin>().ListAsync(CancellationToken.None)).Single(s => s.Name == used).Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<NumberAdmin>()
                .CreateAsync(new NumberInput(number, "Used line", scenarioId), CancellationToken.None)).Succeeded);
        }

        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/scenarios");

        await page.GetByLabel("Search scenarios").FillAsync(used);
        await Expect(OnlyRow(page)).ToContainTextAsync(used);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete scenario {used}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByTestId("in-use")).ToContainTextAsync(number);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = used })).ToHaveCountAsync(1);

        await page.GetByLabel("Search scenarios").FillAsync(unused);
        await Expect(OnlyRow(page)).ToContainTextAsync(unused);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete scenario {unused}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Scenario {unused} deleted.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No scenarios to show.")).ToBeVisibleAsync();
    }

    // The grid re-renders as the search narrows it: act on a row once it is the only one left, not on the row before.
    private static ILocator OnlyRow(IPage page)
    {
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody tr");
        return rows.And(page.Locator("tbody tr:only-child"));
    }

    private async Task<string> CreateScenarioAsync(IReadOnlyList<ScenarioAction> actions)
    {
        var name = $"Listed {Guid.NewGuid():N}"[..15];
        using var scope = site.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ScenarioAdmin>()
            .CreateAsync(new ScenarioInput(name, actions), CancellationToken.None);
        Assert.True(created.Succeeded);
        return name;
    }
}
