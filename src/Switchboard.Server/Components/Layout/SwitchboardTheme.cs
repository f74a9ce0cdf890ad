using MudBlazor;

namespace Switchboard.Server.Components.Layout;

/// <summary>
/// The colours of the UI, light and dark. Text and the filled buttons agents use most (Accept is success, Refuse and
/// Hang up are error) keep at least WCAG AA contrast (4.5:1): MudBlazor's own secondary text, success and error do not
/// (the browser tests' axe checks hold this in light mode, and in dark mode on a page of each kind).
/// </summary>
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
            TextSecondary = "#4b5563",
            Success = "#067647",
            Error = "#b42318",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7aa2ff",
            // White on this light blue reads at about 2.5:1; the dark background's colour at about 7.7:1.
            PrimaryContrastText = "#0b0f19",
            AppbarBackground = "#0b0f19",
            TextSecondary = "#b8c0cc",
            // Light enough to read as text on the dark background, with dark text on the filled buttons.
            Success = "#47cd89",
            SuccessContrastText = "#0b0f19",
            Error = "#f97066",
            ErrorContrastText = "#0b0f19",
        },
    };
}
