using Bunit;
using MudBlazor.Services;

namespace Switchboard.Components.Tests;

/// <summary>A bUnit context for components built on MudBlazor.</summary>
public static class MudBunit
{
    // MudBlazor's services are disposed asynchronously only, so each test disposes its context with await.
    public static BunitContext Context()
    {
        var bunit = new BunitContext();
        bunit.Services.AddMudServices();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        return bunit;
    }
}
