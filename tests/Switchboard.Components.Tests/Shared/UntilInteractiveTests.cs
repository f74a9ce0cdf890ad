using Bunit;
using Microsoft.AspNetCore.Components;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Components.Tests.Shared;

public sealed class UntilInteractiveTests : BunitContext
{
    [Fact]
    public void Controls_are_disabled_while_the_page_is_only_prerendered()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<UntilInteractive>(parameters => parameters.AddChildContent("<button>Save</button>"));

        Assert.True(page.Find("fieldset").HasAttribute("disabled"));
    }

    [Fact]
    public void Controls_work_once_the_circuit_is_up()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var page = Render<UntilInteractive>(parameters => parameters.AddChildContent("<button>Save</button>"));

        Assert.False(page.Find("fieldset").HasAttribute("disabled"));
        Assert.Equal("Save", page.Find("fieldset button").TextContent);
    }
}
