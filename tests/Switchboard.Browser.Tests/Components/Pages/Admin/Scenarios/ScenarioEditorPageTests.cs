using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Server.Admin.Queues;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin.Scenarios;

[Collection(SwitchboardSiteCollection.Name)]
public sealed partial class ScenarioEditorPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Admin_builds_and_reorders_a_scenario_binds_a_number_to_it_and_finds_both_after_a_reload()
    {
        var queue = await CreateQueueAsync("Support");
        var name = Unique("Main");
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();

        await OpenNewScenarioAsync(page);
        await NameAsync(page, name);
        await AddActionAsync(page, "Hang up");
        await AddActionAsync(page, "Send to queue");
        await AddActionAsync(page, "Set variable");
        var actions = page.GetByTestId("action");
        await Expect(actions.Nth(1)).ToContainTextAsync("Choose a queue");
        await Expect(page.GetByTestId("issue-summary")).ToContainTextAsync("Action 2 (Send to queue): choose a queue");
        await ChooseAsync(page, actions.Nth(1), "Queue", queue);
        await Expect(actions.Nth(1)).Not.ToContainTextAsync("Choose a queue");
        await actions.Nth(2).GetByLabel("Variable", new() { Exact = true }).FillAsync("language");
        await actions.Nth(2).GetByLabel("Value", new() { Exact = true }).FillAsync("en");
        await Expect(actions.Nth(2).GetByLabel("Value", new() { Exact = true })).ToHaveValueAsync("en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move action 3 up" }).ClickAsync();
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Hang up", "Set variable", "Send to queue"]);
        // The keyboard stays on the moved action: Enter again moves it on up.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move action 2 up" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Set variable", "Hang up", "Send to queue"]);
        // At the top the way up is closed: the focus is on the way down.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move action 1 down" })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move action 3 up" }).ClickAsync();
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Set variable", "Send to queue", "Hang up"]);
        await Expect(page.GetByTestId("action-number")).ToHaveTextAsync(["Action 1", "Action 2", "Action 3"]);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move action 1 up" })).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/switchboard-scenario-editor.png", FullPage = true });
        await SaveAsync(page, name);

        await page.GotoAsync("/admin/numbers/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Number", Exact = true }).FillAsync("+14155550123");
        await page.GetByLabel("Label", new() { Exact = true }).FillAsync("Sales line");
        await page.GetByLabel("Scenario", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = name, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save number" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(NumbersList());

        await page.GotoAsync("/admin/scenarios");
        await page.GetByLabel("Search scenarios").FillAsync(name);
        await Expect(page.Locator("tbody tr:only-child")).ToContainTextAsync(name);
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Set variable", "Send to queue", "Hang up"]);
        await Expect(actions.Nth(0).GetByLabel("Variable", new() { Exact = true })).ToHaveValueAsync("language");
        await Expect(actions.Nth(1).GetByLabel("Queue", new() { Exact = true })).ToHaveValueAsync(queue);
        await page.GotoAsync("/admin/numbers");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+14155550123" })).ToContainTextAsync(name);
    }

    [Fact]
    public async Task A_bad_seventh_action_is_shown_on_its_own_card_as_action_7_and_nothing_is_saved()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await OpenNewScenarioAsync(page);
        await NameAsync(page, Unique("Seven"));
        for (var i = 0; i < 6; i++)
            await AddActionAsync(page, "Answer");
        await AddActionAsync(page, "Send to queue");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByText("The scenario was not saved: see the problems listed.")).ToBeVisibleAsync();
        var seventh = page.GetByTestId("action").Nth(6);
        await Expect(seventh.GetByTestId("action-number")).ToHaveTextAsync("Action 7");
        await Expect(seventh).ToContainTextAsync("Choose a queue");
        await Expect(seventh).ToHaveClassAsync(new Regex("has-issues"));
        await Expect(page.GetByTestId("action").Nth(5)).Not.ToHaveClassAsync(new Regex("has-issues"));
        await Expect(page.GetByTestId("issue-summary")).ToContainTextAsync("1 problem to fix before saving");
        await Expect(page.GetByTestId("issue-summary")).ToContainTextAsync("Action 7 (Send to queue): choose a queue");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/scenarios/new$"));
    }

    [Fact]
    public async Task Removing_an_action_renumbers_the_rest_a_skip_follows_the_action_it_pointed_at_and_the_focus_stays_in_the_list()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await OpenNewScenarioAsync(page);
        await NameAsync(page, Unique("Skipping"));
        await AddActionAsync(page, "Condition");
        await AddActionAsync(page, "Answer");
        await AddActionAsync(page, "Hang up");
        var condition = page.GetByTestId("action").Nth(0);
        await ChooseAsync(page, condition, "Then", "Skip to action");
        // The target is asked for (the page re-renders with validation's answer): choose it once it is.
        await Expect(condition).ToContainTextAsync("Skip to an action after this one");
        await ChooseAsync(page, condition, "Skip to", "Action 3 (Hang up)");
        await Expect(condition).Not.ToContainTextAsync("Skip to an action after this one");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove action 2" }).ClickAsync();

        await Expect(ActionKinds(page)).ToHaveTextAsync(["Condition", "Hang up"]);
        await Expect(page.GetByTestId("action-number")).ToHaveTextAsync(["Action 1", "Action 2"]);
        await Expect(condition.GetByLabel("Skip to", new() { Exact = true })).ToHaveValueAsync("Action 2 (Hang up)");
        // The keyboard goes to the action that took the removed one's place; with the last removed, to the one before;
        // with none left, to the list's heading.
        await Expect(page.GetByTestId("action-title").Nth(1)).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove action 2" }).ClickAsync();
        await Expect(page.GetByTestId("action-title").Nth(0)).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove action 1" }).ClickAsync();
        await Expect(page.GetByTestId("actions-heading")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Admin_builds_an_answer_then_hang_up_scenario_and_finds_it_after_a_reload()
    {
        var name = Unique("Answer and hang up");
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();

        await OpenNewScenarioAsync(page);
        await NameAsync(page, name);
        await AddActionAsync(page, "Answer");
        await AddActionAsync(page, "Hang up");
        await SaveAsync(page, name);
        await Expect(page).ToHaveURLAsync(new Regex("/admin/scenarios/[0-9a-f-]{36}$"));

        await page.ReloadAsync();
        await Expect(ActionKinds(page)).ToHaveTextAsync(["Answer", "Hang up"]);
    }

    [Fact]
    public async Task Condition_action_keeps_its_opening_hours_and_outcome_and_a_used_queue_is_not_deleted()
    {
        var queue = await CreateQueueAsync("Billing");
        var name = Unique("After hours");
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();

        await OpenNewScenarioAsync(page);
        await NameAsync(page, name);
        await AddActionAsync(page, "Condition");
        await AddActionAsync(page, "Send to queue");
        var actions = page.GetByTestId("action");
        var zone = actions.Nth(0).GetByRole(AriaRole.Combobox, new() { Name = "Time zone" });
        await zone.FillAsync("Europe/Par");
        await page.GetByText("Europe/Paris", new() { Exact = true }).ClickAsync();
        await Expect(zone).ToHaveValueAsync("Europe/Paris");
        await actions.Nth(0).GetByRole(AriaRole.Checkbox, new() { Name = "Sat" }).CheckAsync();
        await ChooseAsync(page, actions.Nth(0), "Then", "Forward");
        await actions.Nth(0).GetByLabel("Destination").FillAsync("+33140000000");
        await ChooseAsync(page, actions.Nth(1), "Queue", queue);
        await page.ScreenshotAsync(new() { Path = "/tmp/switchboard-condition-editor.png", FullPage = true });
        await SaveAsync(page, name);

        await page.ReloadAsync();
        await Expect(zone).ToHaveValueAsync("Europe/Paris");
        await Expect(actions.Nth(0).GetByRole(AriaRole.Checkbox, new() { Name = "Sat" })).ToBeCheckedAsync();
        await Expect(actions.Nth(0).GetByRole(AriaRole.Checkbox, new() { Name = "Sun" })).Not.ToBeCheckedAsync();
        await Expect(actions.Nth(0).GetByLabel("Destination")).ToHaveValueAsync("+33140000000");

        await page.GotoAsync("/admin/queues");
        await page.GetByLabel("Search queues").FillAsync(queue);
        await Expect(page.Locator("tbody tr:only-child")).ToContainTextAsync(queue);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete queue {queue}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByTestId("in-use")).ToContainTextAsync($"Scenario '{name}', Action 2 (Send to queue)");
    }

    [Fact]
    public async Task Queue_load_condition_keeps_its_queue_and_thresholds_after_a_reload()
    {
        var queue = await CreateQueueAsync("Overflow");
        var name = Unique("Busy line");
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();

        await OpenNewScenarioAsync(page);
        await NameAsync(page, name);
        await AddActionAsync(page, "Condition");
        var condition = page.GetByTestId("action").Nth(0);
        await ChooseAsync(page, condition, "When", "Queue is busy");
        await ChooseAsync(page, condition, "Queue", queue);
        await condition.GetByLabel("Estimated wait at least (seconds)").FillAsync("90");
        await Expect(condition.GetByLabel("Estimated wait at least (seconds)")).ToHaveValueAsync("90");
        await SaveAsync(page, name);

        await page.ReloadAsync();
        await Expect(condition.GetByLabel("When", new() { Exact = true })).ToHaveValueAsync("Queue is busy");
        await Expect(condition.GetByLabel("Queue", new() { Exact = true })).ToHaveValueAsync(queue);
        await Expect(condition.GetByLabel("Waiting calls at least")).ToHaveValueAsync("");
        await Expect(condition.GetByLabel("Estimated wait at least (seconds)")).ToHaveValueAsync("90");
    }

    [Fact]
    public async Task Call_user_action_rings_only_a_ready_user_unless_ticked_and_keeps_the_choice_after_a_reload()
    {
        var name = Unique("Direct line");
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await OpenNewScenarioAsync(page);
        await NameAsync(page, name);
        await AddActionAsync(page, "Call user");
        var callUser = page.GetByTestId("action").Nth(0);
        var anyStatus = callUser.GetByLabel("Ring even when the user is not Ready");
        await Expect(anyStatus).Not.ToBeCheckedAsync();
        await ChooseAsync(page, callUser, "User", "Administrator (admin)");
        await anyStatus.CheckAsync();
        await Expect(anyStatus).ToBeCheckedAsync();
        await SaveAsync(page, name);

        await page.ReloadAsync();
        await Expect(callUser.GetByLabel("Ring even when the user is not Ready")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_staying_keeps_them()
    {
        var name = Unique("Half done");
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await OpenNewScenarioAsync(page);
        await NameAsync(page, name);
        await AddActionAsync(page, "Hang up");
        await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "← Scenarios" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Leave this scenario without saving your changes?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/admin/scenarios/new$"));
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);
        await SaveAsync(page, name);
        await Expect(page.GetByTestId("unsaved")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "← Scenarios" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/scenarios$"));
    }

    private async Task<string> CreateQueueAsync(string name)
    {
        var unique = Unique(name);
        using var scope = site.Server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<QueueAdmin>().CreateAsync(new QueueInput(unique), CancellationToken.None);
        Assert.True(created.Succeeded);
        return unique;
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 7)];

    // The editor's controls stay disabled until the page is live: act once they are not.
    private static async Task OpenNewScenarioAsync(IPage page)
    {
        await page.GotoAsync("/admin/scenarios/new");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add action" })).ToBeEnabledAsync();
    }

    // The name is taken when the field is left; the page re-renders with validation's answer. Act once it has, or a
    // click on a control being re-rendered (the Add action menu) is lost.
    private static async Task NameAsync(IPage page, string name)
    {
        var field = page.GetByLabel("Name", new() { Exact = true });
        await field.FillAsync(name);
        await field.PressAsync("Tab");
        await Expect(page.GetByTestId("unsaved")).ToBeVisibleAsync();
    }

    private static async Task AddActionAsync(IPage page, string kind)
    {
        var before = await page.GetByTestId("action").CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = kind, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("action")).ToHaveCountAsync(before + 1);
        await Expect(ActionKinds(page).Nth(before)).ToHaveTextAsync(kind);
    }

    // A drop-down of the component library: once no other is open, open it, pick the option, and wait until the field
    // shows the choice.
    private static async Task ChooseAsync(IPage page, ILocator action, string label, string option)
    {
        var field = action.GetByLabel(label, new() { Exact = true });
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await field.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(field).ToHaveValueAsync(option);
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"Scenario {name} saved.")).ToBeVisibleAsync();
    }

    private static ILocator ActionKinds(IPage page) => page.GetByTestId("action-kind");

    [GeneratedRegex(@"/admin/numbers$")]
    private static partial Regex NumbersList();
}
