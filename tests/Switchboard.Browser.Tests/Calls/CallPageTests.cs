using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Browser.Tests.Workspace;
using Switchboard.Data;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Crm;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Calls;

/// <summary>The call page, reached from a contact's timeline: the call's facts and its path, for those who may see it.</summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class CallPageTests(SwitchboardSite site)
{
    private const string AgentPassword = "Browser-test-agent-1";

    // Nine hours from UTC, which the server's own clock most likely keeps: a time shown in UTC would not match.
    private const string ViewerTimeZone = "Asia/Tokyo";

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task A_timeline_entry_opens_its_call_page_with_the_path_in_local_time_and_an_agent_who_was_not_on_it_gets_no_link()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var ann = await CreateUserAsync($"Ann {suffix}");
        var bob = await CreateUserAsync($"Bob {suffix}");
        var stranger = await CreateUserAsync($"Cy {suffix}");
        var (callId, contactId) = await SeedAsync(suffix, ann.Id, bob.Id);
        await using var browser = await site.OpenBrowserAsync(timeZoneId: ViewerTimeZone);
        var page = browser.Page;
        await page.LogInAsAdminAsync();

        await page.GotoAsync($"/crm/contacts/{contactId}");
        await page.GetByTestId("timeline-call-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(site.Server.BaseAddress, $"/calls/{callId}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Call from +14155550123", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("call-step-what")).ToHaveTextAsync(
        [
            "The call came in",
            $"Entered queue Sales {suffix}",
            $"Offered to Ann {suffix}: refused after 0:03",
            $"Offered to Bob {suffix}: answered after 0:03",
            $"Left queue Sales {suffix}: answered by Bob {suffix} after waiting 0:08",
            $"Bob {suffix} talked to the caller",
            $"Bob {suffix} left the call: the agent hung up",
            "The call ended: Answered from a queue",
        ]);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById(ViewerTimeZone);
        await Expect(page.GetByTestId("call-started")).ToHaveTextAsync(
            TimeZoneInfo.ConvertTime(Start, tokyo).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("call-agent-disposition")).ToHaveTextAsync("Sale");
        await Expect(page.GetByTestId("call-contact").GetByRole(AriaRole.Link, new() { Name = $"Ines {suffix}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = $"Ines {suffix}" }))
            .ToHaveAttributeAsync("href", $"crm/contacts/{contactId}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // An agent who was neither offered the call nor talked on it reads the contact's card without a link to it, and
        // is refused the page itself.
        await using var strangerBrowser = await site.OpenBrowserAsync();
        var strangerPage = strangerBrowser.Page;
        await strangerPage.LogInAsync(stranger.Username, AgentPassword);
        await strangerPage.GotoAsync(CardLink(contactId));
        await Expect(strangerPage.GetByTestId("timeline-entry")).ToHaveCountAsync(1);
        await Expect(strangerPage.GetByTestId("timeline-call-link")).ToHaveCountAsync(0);
        var refused = await strangerPage.GotoAsync($"/calls/{callId}");
        Assert.Equal(403, refused!.Status);
        await Expect(strangerPage.GetByTestId("not-allowed")).ToBeVisibleAsync();
        await Expect(strangerPage.GetByText("+14155550123")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_agent_opens_a_call_they_just_took_from_their_recent_calls_in_a_new_tab_and_sees_its_path()
    {
        var line = await _setup.QueueLineAsync("Rory Detail", "Detail", wrapUpSeconds: 0);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, line.Username, line.AgentId);
        using (var sippDirectory = new TemporaryDirectory())
        {
            await using var caller = new RtpEcho();
            await using var sipp = await _setup.CallAsync(line.Number, caller, sippDirectory);
            await agent.AcceptAsync();
            await agent.ClickInCallAsync("Hang up");
            var run = await sipp.WaitAsync();
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var callPage = await agent.Page.RunAndWaitForPopupAsync(() => agent.Page.GetByTestId("recent-call-link").First.ClickAsync());

        await Expect(callPage.GetByTestId("call-caller")).ToHaveTextAsync(CallerScenarios.CallerNumber);
        await Expect(callPage.GetByTestId("call-queue")).ToHaveTextAsync(line.QueueName);
        await Expect(callPage.GetByTestId("call-step-what")).ToContainTextAsync(
        [
            $"Entered queue {line.QueueName}",
            "Offered to Rory Detail: answered after",
            $"Left queue {line.QueueName}: answered by Rory Detail after waiting",
            "Rory Detail talked to the caller",
            "Rory Detail left the call: the agent hung up",
            "The call ended: Answered from a queue",
        ]);
        // The desk stays where it was, in its own tab.
        await Expect(agent.Page.GetByTestId("recent-call")).ToHaveCountAsync(1);
    }

    private string CardLink(Guid contactId)
    {
        using var scope = site.Server.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ContactCardLinks>().Create(contactId).Url;
    }

    private async Task<UserView> CreateUserAsync(string name)
    {
        using var scope = site.Server.Services.CreateScope();
        var username = $"u-{Guid.NewGuid():N}"[..14];
        var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput(username, name, Role.Agent, AgentPassword), CancellationToken.None);
        Assert.True(created.Succeeded);
        return created.Value!;
    }

    /// <summary>
    /// A call to a queue that one agent refused and another answered, talked on and wrapped up, stored as the record
    /// writer and the queue event log store it, and bound to a new contact's timeline.
    /// </summary>
    private async Task<(Guid CallId, Guid ContactId)> SeedAsync(string suffix, Guid refusedBy, Guid answeredBy)
    {
        using var scope = site.Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var queue = (await services.GetRequiredService<QueueAdmin>().CreateAsync(new QueueInput($"Sales {suffix}"), CancellationToken.None)).Value!.Id;
        var callId = Guid.CreateVersion7(Start);
        // Far past the lines the server's own writer numbers while the tests run.
        var sequence = 1_000_000_000L + Random.Shared.Next(0, 1_000_000) * 10L;
        QueueEventRecord Line(double at, string kind, Guid? agent, long? offer, string detail = "{}") => new()
        {
            Sequence = ++sequence, At = Start.AddSeconds(at), Kind = kind, QueueId = queue, CallId = callId, AgentId = agent, OfferId = offer, Detail = detail,
        };
        var db = services.GetRequiredService<SwitchboardDbContext>();
        db.QueueEvents.AddRange(
            Line(0, "callEnteredQueue", null, null, """{"priority":0,"position":1}"""),
            Line(1, "callOffered", refusedBy, 1),
            Line(4, "offerRefused", refusedBy, 1),
            Line(5, "callOffered", answeredBy, 2),
            Line(8, "offerAnswered", answeredBy, 2, """{"outcome":"answered","waitedSeconds":8}"""));
        db.CallRecords.Add(new CallRecord
        {
            Id = callId,
            SipCallId = $"{suffix}@test",
            CallerNumber = "+14155550123",
            DialledNumber = "+442071234567",
            StartedAt = Start,
            AnsweredAt = Start,
            EndedAt = Start.AddSeconds(68),
            Result = "answeredFromQueue",
            QueueId = queue,
            Agents =
            [
                new CallRecordAgent
                {
                    Position = 0, UserId = answeredBy, ConnectedAt = Start.AddSeconds(8), LeftAt = Start.AddSeconds(68), Ending = "hungUp",
                    Disposition = "Sale", Notes = "Two seats", WrappedUpAt = Start.AddSeconds(90),
                },
            ],
        });
        await db.SaveChangesAsync(CancellationToken.None);

        var contacts = services.GetRequiredService<ContactAdmin>();
        var contact = (await contacts.CreateAsync(new ContactInput($"Ines {suffix}"), CancellationToken.None)).Value!.Id;
        var bound = await contacts.BindToTimelineAsync(contact, new TimelineEntryInput(TimelineEntryKind.Call, callId.ToString(), Start), CancellationToken.None);
        Assert.True(bound.Succeeded);
        return (callId, contact);
    }
}
