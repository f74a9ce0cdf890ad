using Bunit;
using Switchboard.Server.Components.Workspace;

namespace Switchboard.Components.Tests.Workspace;

public sealed class DeskCallBarTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_webphone_call_shows_the_caller_its_length_its_audio_and_every_control()
    {
        await using var bunit = MudBunit.Context();
        var call = new DeskCall(Guid.NewGuid(), "+14155550123", "Sales", Webphone: true, Now.AddSeconds(-3725)) { Audio = (250, 249) };

        var bar = Render(bunit, call);

        Assert.Equal("+14155550123", bar.Find("[data-testid=call-caller]").TextContent);
        Assert.Equal("1:02:05", bar.Find("[data-testid=call-timer]").TextContent);
        Assert.Equal("Audio: 250 packets received, 249 sent", bar.Find("[data-testid=call-audio]").TextContent.Trim());
        Assert.Equal(["Hang up", "Mute", "Hold", "Keypad", "Transfer…"], Labels(bar));
        Assert.Empty(bar.FindAll("[data-testid=call-held]"));
    }

    [Fact]
    public async Task A_held_and_muted_call_says_so_and_offers_to_resume_and_unmute()
    {
        await using var bunit = MudBunit.Context();
        var call = new DeskCall(Guid.NewGuid(), null, null, Webphone: true, Now) { Held = true, Muted = true };

        var bar = Render(bunit, call);

        Assert.Equal("the caller", bar.Find("[data-testid=call-caller]").TextContent);
        Assert.Equal("On hold", bar.Find("[data-testid=call-held]").TextContent.Trim());
        Assert.Equal(["Hang up", "Unmute", "Resume", "Keypad", "Transfer…"], Labels(bar));
    }

    [Fact]
    public async Task A_call_on_the_agents_phone_has_no_mute_and_no_audio_line()
    {
        await using var bunit = MudBunit.Context();

        var bar = Render(bunit, new DeskCall(Guid.NewGuid(), "+14155550123", null, Webphone: false, Now));

        Assert.Equal(["Hang up", "Hold", "Keypad", "Transfer…"], Labels(bar));
        Assert.Empty(bar.FindAll("[data-testid=call-audio]"));
    }

    [Fact]
    public async Task Hang_up_hold_and_the_keypad_tell_the_desk()
    {
        await using var bunit = MudBunit.Context();
        var (hungUp, held, digits) = (0, 0, new List<string>());
        // MudBlazor shows pop-overs in its provider, as the layout has it.
        var popovers = bunit.Render<MudBlazor.MudPopoverProvider>();

        var bar = bunit.Render<DeskCallBar>(parameters => parameters
            .Add(p => p.Call, new DeskCall(Guid.NewGuid(), "+14155550123", null, Webphone: false, Now))
            .Add(p => p.AgentId, Guid.NewGuid()).Add(p => p.Now, Now)
            .Add(p => p.OnHangUp, () => hungUp++).Add(p => p.OnHold, () => held++).Add(p => p.OnDigit, digit => digits.Add(digit)));
        Button(bar, "Hang up").Click();
        Button(bar, "Hold").Click();
        Button(bar, "Keypad").Click();
        popovers.Find("[aria-label='Key 5']").Click();
        popovers.Find("[aria-label='Key #']").Click();

        Assert.Equal((1, 1), (hungUp, held));
        Assert.Equal(["5", "#"], digits);
        Assert.Equal("true", Button(bar, "Keypad").GetAttribute("aria-expanded"));
    }

    private static IRenderedComponent<DeskCallBar> Render(BunitContext bunit, DeskCall call) =>
        bunit.Render<DeskCallBar>(parameters => parameters.Add(p => p.Call, call).Add(p => p.AgentId, Guid.NewGuid()).Add(p => p.Now, Now));

    private static List<string> Labels(IRenderedComponent<DeskCallBar> bar) =>
        [.. bar.FindAll(".desk-call-actions > button, .desk-call-actions > .desk-popover-anchor > button").Select(button => button.TextContent.Trim())];

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<DeskCallBar> bar, string label) =>
        bar.FindAll(".desk-call-actions button").Single(button => button.TextContent.Trim() == label);
}
