using Microsoft.Playwright;

namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>
/// Screenshots of what a test shows, for the README: written to the folder <c>SWITCHBOARD_SCREENSHOTS</c> names
/// (<c>docs/images</c> to refresh the README's), else beside the tests' binaries.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string fileName)
    {
        var folder = Environment.GetEnvironmentVariable("SWITCHBOARD_SCREENSHOTS") is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 0, $"The screenshot {path} is empty.");
    }
}
