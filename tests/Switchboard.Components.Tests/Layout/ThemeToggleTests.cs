using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Components.Layout;

namespace Switchboard.Components.Tests.Layout;

public sealed class ThemeToggleTests
{
    [Fact]
    public async Task In_light_mode_it_offers_dark_mode_and_comes_back_to_the_same_page()
    {
        await using var bunit = MudBunit.Context();
        bunit.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo("admin/queues?page=2");

        var toggle = bunit.Render<ThemeToggle>(parameters => parameters.Add(p => p.DarkMode, false));

        Assert.Equal("Dark mode", toggle.Find("button").GetAttribute("aria-label"));
        Assert.Equal("true", toggle.Find("input[name=dark]").GetAttribute("value"));
        Assert.Equal("/admin/queues?page=2", toggle.Find("input[name=returnUrl]").GetAttribute("value"));
    }

    [Fact]
    public async Task In_dark_mode_it_offers_light_mode()
    {
        await using var bunit = MudBunit.Context();

        var toggle = bunit.Render<ThemeToggle>(parameters => parameters.Add(p => p.DarkMode, true));

        Assert.Equal("Light mode", toggle.Find("button").GetAttribute("aria-label"));
        Assert.Equal("false", toggle.Find("input[name=dark]").GetAttribute("value"));
    }
}
