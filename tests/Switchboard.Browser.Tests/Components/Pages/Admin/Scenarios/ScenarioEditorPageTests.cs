using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin.Scenarios;

[Collection(SwitchboardSiteCollection.Name)]
public sealed partial class ScenarioEditorPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Admin_builds_and_reorders_a_scenario_binds_a_number_to_it_and_finds_both_after_a_reload()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();

        await page.GotoAsync("/admin/queues/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Support");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save queue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Support" })).ToBeVisibleAsync();

        await page.GotoAsync("/admin/scenarios/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Main");
        await AddActionAsync(page, "Hang up");
        await AddActionAsync(page, "Send to queue");
        await AddActionAsync(page, "Set variable");
        var actions = page.GetByTestId("action");
        await Expect(actions.Nth(1).GetByTestId("issues")).Not.ToBeEmptyAsync();
        await actions.Nth(1).GetByLabel("Queue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Support" });
        await actions.Nth(2).GetByLabel("Variable", new() { Exact = true }).FillAsync("language");
        await actions.Nth(2).GetByLabel("Value", new() { Exact = true }).FillAsync("en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move action 3 up" }).ClickAsync();
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Hang up", "Set variable", "Send to queue"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move action 1 down" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move action 3 up" }).ClickAsync();
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Set variable", "Send to queue", "Hang up"]);
        await page.ScreenshotAsync(new() { Path = "/tmp/switchboard-scenario-editor.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        var scenarioAddress = page.Url;

        await page.GotoAsync("/admin/numbers/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Number", Exact = true }).FillAsync("+14155550123");
        await page.GetByLabel("Label", new() { Exact = true }).FillAsync("Sales line");
        await page.GetByLabel("Scenario", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Main", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(NumbersList());

        await page.GotoAsync(scenarioAddress.Split('?')[0]);
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Set variable", "Send to queue", "Hang up"]);
        await Expect(actions.Nth(0).GetByLabel("Variable", new() { Exact = true })).ToHaveValueAsync("language");
        await Expect(actions.Nth(1).GetByLabel("Queue", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Support");
        await page.GotoAsync("/admin/numbers");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+14155550123" })).ToContainTextAsync("Main");
    }

    [Fact]
    public async Task Admin_builds_an_answer_then_hang_up_scenario_and_finds_it_after_a_reload()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();

        await page.GotoAsync("/admin/scenarios/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Answer and hang up");
        await AddActionAsync(page, "Answer");
        await AddActionAsync(page, "Hang up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await page.GotoAsync(page.Url.Split('?')[0]);
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Answer", "Hang up"]);
    }

    [Fact]
    public async Task Condition_action_keeps_its_opening_hours_and_outcome_and_a_used_queue_is_not_deleted()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/queues/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Billing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save queue" }).ClickAsync();

        await page.GotoAsync("/admin/scenarios/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("After hours");
        await AddActionAsync(page, "Condition");
        await AddActionAsync(page, "Send to queue");
        var actions = page.GetByTestId("action");
        await actions.Nth(0).GetByLabel("Time zone").FillAsync("Europe/Paris");
        await actions.Nth(0).GetByRole(AriaRole.Checkbox, new() { Name = "Sat" }).CheckAsync();
        await actions.Nth(0).GetByLabel("Then", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Forward" });
        await Expect(actions.Nth(0).GetByLabel("Destination")).ToBeVisibleAsync();
        await actions.Nth(0).GetByLabel("Destination").FillAsync("+33140000000");
        await actions.Nth(1).GetByLabel("Queue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Billing" });
        await page.ScreenshotAsync(new() { Path = "/tmp/switchboard-condition-editor.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(actions.Nth(0).GetByLabel("Time zone")).ToHaveValueAsync("Europe/Paris");
        await Expect(actions.Nth(0).GetByRole(AriaRole.Checkbox, new() { Name = "Sat" })).ToBeCheckedAsync();
        await Expect(actions.Nth(0).GetByRole(AriaRole.Checkbox, new() { Name = "Sun" })).Not.ToBeCheckedAsync();
        await Expect(actions.Nth(0).GetByLabel("Destination")).ToHaveValueAsync("+33140000000");

        await page.GotoAsync("/admin/queues");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete queue Billing" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByTestId("in-use")).ToContainTextAsync("Scenario 'After hours', Action 2 (Send to queue)");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Billing" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Queue_load_condition_keeps_its_queue_and_thresholds_after_a_reload()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/queues/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Overflow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save queue" }).ClickAsync();

        await page.GotoAsync("/admin/scenarios/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Busy line");
        await AddActionAsync(page, "Condition");
        var condition = page.GetByTestId("action").Nth(0);
        await condition.GetByLabel("When", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Queue is busy" });
        await Expect(condition.GetByLabel("Waiting calls at least")).ToBeVisibleAsync();
        await condition.GetByLabel("Queue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Overflow" });
        await condition.GetByLabel("Estimated wait at least").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(condition.GetByLabel("When", new() { Exact = true })).ToHaveValueAsync("QueueLoad");
        await Expect(condition.GetByLabel("Queue", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync("Overflow");
        await Expect(condition.GetByLabel("Waiting calls at least")).ToHaveValueAsync("");
        await Expect(condition.GetByLabel("Estimated wait at least")).ToHaveValueAsync("90");
    }

    [Fact]
    public async Task Call_user_action_rings_only_a_ready_user_unless_ticked_and_keeps_the_choice_after_a_reload()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/scenarios/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Direct line");
        await AddActionAsync(page, "Call user");
        var callUser = page.GetByTestId("action").Nth(0);
        var anyStatus = callUser.GetByLabel("Ring even when the user is not Ready");
        await Expect(anyStatus).Not.ToBeCheckedAsync();
        await callUser.GetByLabel("User", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await anyStatus.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(callUser.GetByLabel("Ring even when the user is not Ready")).ToBeCheckedAsync();
    }

    private static async Task AddActionAsync(IPage page, string kind)
    {
        var before = await page.GetByTestId("action").CountAsync();
        await page.GetByLabel("Add", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Expect(page.GetByTestId("action")).ToHaveCountAsync(before + 1);
    }

    private static ILocator ActionKinds(IPage page) => page.GetByTestId("action-kind");

    [GeneratedRegex(@"/admin/numbers$")]
    private static partial Regex NumbersList();
}
