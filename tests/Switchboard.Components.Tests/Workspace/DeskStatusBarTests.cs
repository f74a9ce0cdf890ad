using Bunit;
using Switchboard.Domain.Acd;
using Switchboard.Server.Components.Workspace;

namespace Switchboard.Components.Tests.Workspace;

public sealed class DeskStatusBarTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Shows_the_chosen_status_pressed_the_time_in_it_and_what_the_agent_does_now()
    {
        await using var bunit = MudBunit.Context();

        var bar = bunit.Render<DeskStatusBar>(parameters => parameters
            .Add(p => p.Status, AgentStatus.BackSoon).Add(p => p.StatusSince, Now.AddSeconds(-125))
            .Add(p => p.Activity, AgentActivity.Idle).Add(p => p.Now, Now).Add(p => p.Connected, true));

        Assert.Equal(
            [("Ready", "false"), ("Back soon", "true"), ("Not available", "false")],
            bar.FindAll("[aria-label=Status] button").Select(button => (button.TextContent.Trim(), button.GetAttribute("aria-pressed"))));
        Assert.Equal("2:05", bar.Find("[data-testid=time-in-status]").TextContent);
        Assert.Equal("Idle", bar.Find("[data-testid=live-state]").TextContent);
        Assert.Equal("Connected", bar.Find("#connection").TextContent);
    }

    [Fact]
    public async Task In_wrap_up_it_counts_down_the_seconds_left()
    {
        await using var bunit = MudBunit.Context();

        var bar = bunit.Render<DeskStatusBar>(parameters => parameters
            .Add(p => p.Status, AgentStatus.Ready).Add(p => p.StatusSince, Now)
            .Add(p => p.Activity, AgentActivity.WrapUp).Add(p => p.WrapUpEndsAt, Now.AddSeconds(9.5)).Add(p => p.Now, Now));

        Assert.Equal("Wrap-up", bar.Find("[data-testid=live-state]").TextContent);
        Assert.Equal("10 s left", bar.Find("[data-testid=wrap-up]").TextContent);
        Assert.Equal("Connecting…", bar.Find("#connection").TextContent);
    }

    [Fact]
    public async Task Choosing_a_status_tells_the_desk_and_nothing_can_be_chosen_before_the_status_is_known()
    {
        await using var bunit = MudBunit.Context();
        var chosen = new List<AgentStatus>();

        var bar = bunit.Render<DeskStatusBar>(parameters => parameters
            .Add(p => p.Status, AgentStatus.NotAvailable).Add(p => p.Now, Now).Add(p => p.OnChoose, status => chosen.Add(status)));
        bar.FindAll("[aria-label=Status] button")[0].Click();
        bar.Render(parameters => parameters.Add(p => p.Status, (AgentStatus?)null));

        Assert.Equal([AgentStatus.Ready], chosen);
        Assert.All(bar.FindAll("[aria-label=Status] button"), button => Assert.True(button.HasAttribute("disabled")));
    }
}
