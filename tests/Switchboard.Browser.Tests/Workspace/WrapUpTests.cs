using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Crm;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// Wrap-up on a live call placed by sipp: the agent answers on a SIP phone played by sipp, adds the caller in Client
/// info, hangs up on the desk, reloads the page, wraps the call up there, and finds it in the contact's timeline.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class WrapUpTests(SwitchboardSite site)
{
    // Nine hours from UTC, which the server's own clock most likely keeps: a time shown in UTC would not match.
    private const string ViewerTimeZone = "Asia/Tokyo";

    private readonly WorkspaceSetup _setup = new(site);
    private readonly ClientInfoPhones _phones = new(site);

    [Fact]
    public async Task Agent_wraps_up_a_queue_call_and_the_contacts_timeline_shows_its_disposition_and_notes_in_local_time()
    {
        var line = await LineAsync();
        var contactName = $"Ines Wrap {line.Suffix}";
        await using var browser = await site.OpenBrowserAsync(timeZoneId: ViewerTimeZone);
        var page = browser.Page;
        await page.LogInAsync(line.Username, WorkspaceSetup.AgentPassword);
        await page.GotoAsync("/workspace");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await AgentWorkspace.ChooseStatusAsync(page, "Ready");
        await _setup.AgentBecomesAsync(line.AgentId, agent => agent.Status == AgentStatus.Ready);

        using (var directory = new TemporaryDirectory())
        {
            await using var phone = await _phones.AgentPhoneAsync(line.SipUsername, line.PhonePort, directory);
            await using var caller = await _phones.CallAsync(line.Number, CallerUser(), directory);
            var tab = page.Locator("#client-info");
            var add = tab.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true });
            await Expect(add).ToBeEnabledAsync();
            await add.ClickAsync();
            await tab.GetByLabel("Name", new() { Exact = true }).FillAsync(contactName);
            await add.ClickAsync();
            await Expect(tab.GetByTestId("contact-name")).ToHaveTextAsync(contactName);
            await page.GetByRole(AriaRole.Button, new() { Name = "Hang up" }).ClickAsync();
            Assert.True((await caller.WaitAsync()).ExitCode == 0);
            Assert.True((await phone.WaitAsync()).ExitCode == 0);
        }

        // The queue gives no wrap-up time: the wrap-up opens all the same, and asks for the disposition it requires.
        var wrapUp = page.GetByRole(AriaRole.Region, new() { Name = "Wrap-up" });
        await Expect(wrapUp).ToBeVisibleAsync();
        // A reload does not lose it: the call the agent has not wrapped up yet is opened again.
        await page.ReloadAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await Expect(wrapUp.GetByTestId("wrap-up-queue")).ToHaveTextAsync($"Queue {line.QueueName}");
        var save = wrapUp.GetByRole(AriaRole.Button, new() { Name = "Save wrap-up" });
        await save.ClickAsync();
        await Expect(wrapUp.GetByText($"Choose a disposition: queue {line.QueueName} asks for one after each call.")).ToBeVisibleAsync();
        await wrapUp.GetByLabel("Disposition").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Callback requested" }).ClickAsync();
        await wrapUp.GetByLabel("Notes").FillAsync("Wants the premium plan.\nCall back on Monday.");
        await save.ClickAsync();

        await Expect(page.GetByText(new Regex(@"^Wrap-up of the call with \+?\d+ saved\.$"))).ToBeVisibleAsync();
        await Expect(wrapUp).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("recent-disposition").First).ToHaveTextAsync("Callback requested");

        var contact = await ContactNamedAsync(contactName);
        await page.GotoAsync($"/crm/contacts/{contact.Id}");
        var breadcrumb = page.GetByRole(AriaRole.List, new() { Name = "Breadcrumb" });
        await Expect(breadcrumb.GetByRole(AriaRole.Link, new() { Name = "Contacts" })).ToHaveAttributeAsync("href", "crm/contacts");
        await Expect(breadcrumb).ToHaveTextAsync(new Regex($"^Contacts.*{Regex.Escape(contactName)}$"));
        var entry = page.GetByTestId("timeline-entry");
        await Expect(entry).ToHaveCountAsync(1);
        var at = TimeZoneInfo.ConvertTime(Assert.Single(contact.Timeline).At, TimeZoneInfo.FindSystemTimeZoneById(ViewerTimeZone));
        await Expect(page.GetByTestId("timeline-zone")).ToHaveTextAsync($"Times in {ViewerTimeZone}");
        await Expect(entry.GetByTestId("timeline-when")).ToHaveTextAsync(at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await Expect(entry.GetByTestId("timeline-what")).ToHaveTextAsync("Incoming call");
        await Expect(entry.GetByTestId("timeline-queue")).ToHaveTextAsync(line.QueueName);
        await Expect(entry.GetByTestId("timeline-agent")).ToHaveTextAsync(line.AgentName);
        await Expect(entry.GetByTestId("timeline-talked")).ToHaveTextAsync(new Regex(@"^\d+:\d\d$"));
        await Expect(entry.GetByTestId("timeline-disposition")).ToHaveTextAsync("Callback requested");
        await Expect(entry.GetByTestId("timeline-notes")).ToHaveTextAsync("Wants the premium plan.\nCall back on Monday.");
    }

    private static string CallerUser() => "1415" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An agent with CRM access who answers on a SIP phone, a queue with dispositions (one required, no wrap-up time)
    /// with them in it, a number whose scenario sends its calls there, and a trunk that lets the callers in.
    /// </summary>
    private async Task<Line> LineAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var username = $"wu-{suffix}";
        var sipUsername = $"phone{suffix}";
        var agentName = $"Wren {suffix}";
        var agent = await AdminAsync<UserAdmin, UserView>(users => users.CreateAsync(
            new UserInput(username, agentName, Role.Agent, WorkspaceSetup.AgentPassword, CrmAccess: true,
                SipUsername: sipUsername, SipPassword: SippDevice.SipPassword(sipUsername), WebphoneEnabled: false),
            CancellationToken.None));
        var queueName = $"Sales {suffix}";
        var queue = await AdminAsync<QueueAdmin, QueueView>(queues => queues.CreateAsync(
            new QueueInput(queueName, WrapUpSeconds: 0, Members: [new QueueMember(agent.Id, 1, 0)],
                Dispositions: ["Sale", "Callback requested", "No interest"], DispositionRequired: true),
            CancellationToken.None));
        var scenario = await AdminAsync<ScenarioAdmin, ScenarioView>(scenarios => scenarios.CreateAsync(
            new ScenarioInput($"Wrap-up {suffix}", [new QueueAction(queue.Id)]), CancellationToken.None));
        var number = WorkspaceSetup.NewNumber();
        await AdminAsync<TrunkAdmin, TrunkView>(trunks => trunks.CreateAsync(new TrunkInput($"Carrier {suffix}", [ClientInfoPhones.CallerAddress]), CancellationToken.None));
        await AdminAsync<NumberAdmin, NumberView>(numbers => numbers.CreateAsync(new NumberInput(number, null, scenario.Id), CancellationToken.None));
        return new Line(suffix, agent.Id, username, agentName, sipUsername, FreePort.Find(), queueName, number);
    }

    private async Task<ContactView> ContactNamedAsync(string name)
    {
        using var scope = site.Server.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ContactDirectory>();
        var found = await directory.SearchAsync(new ContactSearchInput(Q: name), CancellationToken.None);
        return (await directory.GetAsync(Assert.Single(found.Value!.Items).Id, CancellationToken.None))!;
    }

    private async Task<TView> AdminAsync<TAdmin, TView>(Func<TAdmin, Task<AdminResult<TView>>> change)
        where TAdmin : notnull
    {
        using var scope = site.Server.Services.CreateScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<TAdmin>());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));
        return result.Value!;
    }

    private sealed record Line(string Suffix, Guid AgentId, string Username, string AgentName, string SipUsername, int PhonePort, string QueueName, string Number);
}
