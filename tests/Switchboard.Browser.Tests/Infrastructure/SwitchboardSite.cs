using Microsoft.Playwright;

namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>The running server and the Playwright driver, shared by every browser test.</summary>
public class SwitchboardSite : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public SwitchboardSite()
        : this(settings: null)
    {
    }

    protected SwitchboardSite(IReadOnlyDictionary<string, string>? settings) => Server = new SwitchboardServer(settings);

    /// <summary>How long a page assertion waits: a busy two-core machine can take a while to start a circuit; waiting longer is not asserting on time.</summary>
    public const int ExpectTimeout = 20_000;

    public SwitchboardServer Server { get; }

    public Task InitializeAsync()
    {
        Server.Start();
        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        return InitializePlaywrightAsync();
    }

    private async Task InitializePlaywrightAsync() => _playwright = await Playwright.CreateAsync();

    public Task<BrowserSession> OpenBrowserAsync(IReadOnlyList<string>? extraArguments = null, string? timeZoneId = null) =>
        BrowserSession.OpenAsync(_playwright ?? throw new InvalidOperationException("The site is not started."), Server.BaseAddress, extraArguments, timeZoneId);

    public async Task DisposeAsync()
    {
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
