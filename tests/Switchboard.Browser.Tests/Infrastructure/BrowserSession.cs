using Microsoft.Playwright;

namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>One headless system Chromium with a fresh profile (so no cookie leaks between tests) and its page.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Keeps Chromium on loopback: this machine has no other network, and the browser must not try to reach it.
    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-domain-reliability",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        "--disable-features=WebRtcHideLocalIpsWithMdns,MediaRouter",
    ];

    /// <summary>
    /// For the webphone: a fake microphone granted without a prompt, ICE candidates on loopback (Chromium leaves them
    /// out by default) and sound without a click first (the ring).
    /// </summary>
    public static readonly IReadOnlyList<string> WebphoneArguments =
    [
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
        "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly DirectoryInfo _profile;
    private readonly IBrowserContext _context;

    private BrowserSession(DirectoryInfo profile, IBrowserContext context, IPage page)
    {
        _profile = profile;
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <param name="extraArguments">More Chromium switches, e.g. a fake microphone for the webphone.</param>
    /// <param name="timeZoneId">The time zone the browser lives in (an IANA name); the machine's when null.</param>
    public static async Task<BrowserSession> OpenAsync(IPlaywright playwright, Uri baseAddress, IReadOnlyList<string>? extraArguments = null, string? timeZoneId = null)
    {
        var profile = Directory.CreateTempSubdirectory("switchboard-chromium-");
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = [.. ChromiumArguments, .. extraArguments ?? []],
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = timeZoneId,
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new BrowserSession(profile, context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _profile.Delete(recursive: true);
    }
}
