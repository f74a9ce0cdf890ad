using Bunit;
using Switchboard.Server.Components.Workspace;

namespace Switchboard.Components.Tests.Workspace;

public sealed class DeskOfferPanelTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_webphone_offer_shows_the_caller_the_queue_the_wait_and_the_seconds_left_with_Accept_and_Refuse()
    {
        await using var bunit = MudBunit.Context();
        var offer = new DeskOffer(Guid.NewGuid(), "+14155550123", "Ada", "Sales", Webphone: true, Now.AddSeconds(17.2), Now.AddSeconds(-75))
        {
            Contact = "Ada Lovelace",
        };

        var panel = bunit.Render<DeskOfferPanel>(parameters => parameters.Add(p => p.Offer, offer).Add(p => p.Now, Now));

        Assert.Equal("+14155550123", Text(panel, "offer-caller"));
        Assert.Equal("Ada Lovelace", Text(panel, "offer-contact"));
        Assert.Equal("Sales", Text(panel, "offer-queue"));
        Assert.Equal("1:15", Text(panel, "offer-waited"));
        Assert.Equal("18 s", Text(panel, "offer-countdown"));
        Assert.Equal(["Accept", "Refuse"], Buttons(panel).Select(button => button.TextContent.Trim()));
        Assert.Equal(["Alt+A", "Alt+R"], Buttons(panel).Select(button => button.GetAttribute("aria-keyshortcuts")));
        Assert.Empty(panel.FindAll("[data-testid=offer-phone]"));
    }

    [Fact]
    public async Task An_offer_to_the_agents_phone_says_to_answer_there_and_offers_only_Refuse()
    {
        await using var bunit = MudBunit.Context();
        var offer = new DeskOffer(Guid.NewGuid(), null, null, null, Webphone: false, Now.AddSeconds(20), null);

        var panel = bunit.Render<DeskOfferPanel>(parameters => parameters.Add(p => p.Offer, offer).Add(p => p.Now, Now));

        Assert.Equal("Withheld", Text(panel, "offer-caller"));
        Assert.Equal("Direct call", Text(panel, "offer-queue"));
        Assert.Equal("Answer on your phone.", Text(panel, "offer-phone"));
        Assert.Equal(["Refuse"], Buttons(panel).Select(button => button.TextContent.Trim()));
    }

    [Fact]
    public async Task Accept_and_Refuse_tell_the_desk_and_are_disabled_while_one_is_under_way()
    {
        await using var bunit = MudBunit.Context();
        var offer = new DeskOffer(Guid.NewGuid(), "+14155550123", null, "Sales", Webphone: true, Now.AddSeconds(20), Now);
        var (accepted, refused) = (0, 0);

        var panel = bunit.Render<DeskOfferPanel>(parameters => parameters
            .Add(p => p.Offer, offer).Add(p => p.Now, Now)
            .Add(p => p.OnAccept, () => accepted++).Add(p => p.OnRefuse, () => refused++));
        Buttons(panel)[0].Click();
        Buttons(panel)[1].Click();
        panel.Render(parameters => parameters.Add(p => p.Busy, true).Add(p => p.Problem, "Could not answer: no microphone"));

        Assert.Equal((1, 1), (accepted, refused));
        Assert.All(Buttons(panel), button => Assert.True(button.HasAttribute("disabled")));
        Assert.Equal("Could not answer: no microphone", Text(panel, "offer-problem"));
    }

    private static string Text(IRenderedComponent<DeskOfferPanel> panel, string testId) =>
        panel.Find($"[data-testid={testId}]").TextContent.Trim();

    private static IReadOnlyList<AngleSharp.Dom.IElement> Buttons(IRenderedComponent<DeskOfferPanel> panel) =>
        panel.FindAll(".desk-offer-actions button");
}
