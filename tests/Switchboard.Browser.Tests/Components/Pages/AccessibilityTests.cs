using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Routing;
using Switchboard.Media.Audio;
using Switchboard.Server.Admin;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Crm;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages;

/// <summary>
/// axe-core (the engine browsers' accessibility tools use) over the login, every admin page, the desk and the CRM, as
/// an admin sees them once the page is live, and a page of each kind in dark mode (the desk on a call and ringing: DeskLayoutTests): a serious or critical violation fails, naming the rule and the elements.
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
    public async Task The_contact_page_and_its_read_only_card_have_no_serious_accessibility_violation()
    {
        Guid id;
        using (var scope = site.Server.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ContactAdmin>().CreateAsync(
                new ContactInput("Axel Axe", Labels: ["VIP"], Attributes: new Dictionary<string, string> { ["customer no"] = "C-1" },
                    Phones: [new ContactPhoneInput("+41 44 668 18 00", Primary: true)], Emails: ["axel@example.com"]),
                CancellationToken.None)).Value!.Id;
        }

        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        foreach (var path in new[] { $"/crm/contacts/{id}", $"/crm/contacts/{id}/edit", site.Server.Services.GetRequiredService<ContactCardLinks>().Create(id).Url })
        {
            await page.GotoAsync(path);
            await WhenLiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Axel Axe" })).ToBeVisibleAsync();

            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
    }

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

    // Dark mode changes colours only: one page of each kind (a list, a form, the desk, the CRM) shows its palette.
    public static TheoryData<string> DarkModePages => ["/", "/admin/queues", "/admin/users/new", "/workspace", "/crm/contacts/new"];

    [Theory]
    [MemberData(nameof(DarkModePages))]
    public async Task Page_in_dark_mode_has_no_serious_accessibility_violation(string path)
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dark mode" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light mode" })).ToBeVisibleAsync();
        await page.GotoAsync(path);
        await WhenLiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light mode" })).ToBeVisibleAsync();

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Scenario_editor_with_every_kind_of_action_and_condition_and_its_messages_has_no_serious_accessibility_violation()
    {
        var id = await CreateScenarioOfEveryKindAsync();
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync($"/admin/scenarios/{id}");
        await WhenLiveAsync(page);
        var actions = page.GetByTestId("action");
        await Expect(actions).ToHaveCountAsync(15);

        // An action left empty: its error under its field, the summary above, and the warnings of actions never reached.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Send to queue", Exact = true }).ClickAsync();
        await Expect(actions.Nth(15)).ToContainTextAsync("Choose a queue");
        await Expect(page.GetByTestId("issue-summary")).ToContainTextAsync("Action 16 (Send to queue): choose a queue");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private async Task<Guid> CreateScenarioOfEveryKindAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var scope = site.Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var none = CancellationToken.None;
        using var wav = new MemoryStream(WavFile.WritePcm16Mono(new short[8000], 8000));
        var sound = Created(await services.GetRequiredService<SoundAdmin>().UploadAsync($"Welcome {tag}", wav, none));
        var queue = Created(await services.GetRequiredService<QueueAdmin>().CreateAsync(new QueueInput($"Sales {tag}"), none));
        var user = (await services.GetRequiredService<UserAdmin>().ListAsync(none))[0];
        var scenarios = services.GetRequiredService<ScenarioAdmin>();
        var other = Created(await scenarios.CreateAsync(new ScenarioInput($"Overflow {tag}", [new HangupAction()]), none));
        ScenarioAction[] actions =
        [
            new PlaySoundAction(sound.Id, 2),
            new SetVariableAction("lang", "en"),
            new ConditionAction(
                new ScheduleCondition("Europe/Paris", [new WeeklyHours([DayOfWeek.Monday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(17, 0))]) { Negate = true },
                new SkipToOutcome(12)),
            new ConditionAction(new HolidayCondition("Europe/Paris", [new DateOnly(2026, 12, 25)]), new GoToScenarioOutcome(other.Id)),
            new ConditionAction(new CallerNumberCondition("+4420*"), new ForwardOutcome("+33140000000")),
            new ConditionAction(new NoReadyAgentsCondition(queue.Id), new HangupOutcome()),
            new ConditionAction(new QueueLoadCondition(queue.Id, 5, 120), new ContinueOutcome()),
            new ConditionAction(new VariableEqualsCondition("lang", "fr"), new ContinueOutcome()),
            new AnswerAction(),
            new QueueAction(queue.Id, 3, 60),
            new CallUserAction(user.Id, 20, RingWhenNotReady: true),
            new ForwardAction("+14155550123"),
            new PlaySoundAction(sound.Id),
            new ForwardAction("sip:oncall@example.com"),
            new HangupAction(),
        ];
        return Created(await scenarios.CreateAsync(new ScenarioInput($"Everything {tag}", actions), none)).Id;
    }

    private static T Created<T>(AdminResult<T> result)
    {
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(error => error.Value)));
        return result.Value!;
    }

    // An interactive page keeps its controls disabled until its circuit is up; check what the user works with.
    private static async Task WhenLiveAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("fieldset.until-interactive").CountAsync() > 0)
            await page.Locator("fieldset.until-interactive:not([disabled])").WaitForAsync();
    }
}
