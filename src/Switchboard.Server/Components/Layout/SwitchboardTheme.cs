using MudBlazor;

namespace Switchboard.Server.Components.Layout;

/// <summary>The colours of the UI, light and dark.</summary>
public static class SwitchboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4ed8",
            AppbarBackground = "#111827",
            Background = "#f4f6f8",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7aa2ff",
            AppbarBackground = "#0b0f19",
        },
    };
}
