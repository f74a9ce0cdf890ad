using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// What is left of a browser session after logout, who may log a user out, and which pages may open the events
/// socket: over HTTP and WebSocket to the server on a loopback port.
/// </summary>
public abstract partial class SessionEndTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task A_cookie_kept_from_before_logout_is_refused_afterwards()
    {
        Factory.OnLoopback();
        using var browser = Browser();
        using var login = await PostFormAsync(browser, "/account/login", ("username", "admin"), ("password", SwitchboardFactory.AdminPassword), ("returnUrl", "/"));
        var cookie = AuthCookie(login);
        using var copy = Factory.CreateClient();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        using (var before = await copy.GetAsync("/api/v1/users", Ct))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var logout = await PostFormAsync(browser, "/account/logout");
        using var after = await copy.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Logout_posted_without_the_antiforgery_token_is_refused_and_the_session_goes_on()
    {
        Factory.OnLoopback();
        using var browser = Browser();
        using (var login = await PostFormAsync(browser, "/account/login", ("username", "admin"), ("password", SwitchboardFactory.AdminPassword), ("returnUrl", "/")))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        using var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);
        using var api = await browser.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Events_socket_opened_from_another_sites_page_is_refused()
    {
        Factory.OnLoopback();
        var token = await Factory.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(token, "https://attacker.example"));
        using var own = await ConnectAsync(token, SiteOrigin());
        using var noBrowser = await ConnectAsync(token, origin: null);

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Equal(WebSocketState.Open, own.State);
        Assert.Equal(WebSocketState.Open, noBrowser.State);
    }

    // A browser at the loopback port: it keeps cookies and shows redirects instead of following them.
    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(SiteOrigin()) };

    private string SiteOrigin()
    {
        using var client = Factory.CreateClient();
        return client.BaseAddress!.GetLeftPart(UriPartial.Authority);
    }

    private async Task<ClientWebSocket> ConnectAsync(string token, string? origin)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
            socket.Options.SetRequestHeader("Origin", origin);
        var address = new UriBuilder(SiteOrigin()) { Scheme = "ws", Path = "/api/v1/events", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        try
        {
            await socket.ConnectAsync(address, Ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // The session cookie as the login set it, to send again as someone who kept or copied it would.
    private static string AuthCookie(HttpResponseMessage login)
    {
        var set = login.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var cookie = set.FirstOrDefault(value => value.StartsWith("switchboard.auth=", StringComparison.Ordinal));
        Assert.True(cookie is not null, $"The login set no session cookie (status {(int)login.StatusCode}).");
        return cookie.Split(';')[0];
    }

    // Posts a form as the pages do: with the antiforgery field and cookie that a rendered page hands out.
    private async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetStringAsync("/login", Ct);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "The login page has no antiforgery field.");

        using var form = new FormUrlEncodedContent(
            [.. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)), new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value))]);
        return await browser.PostAsync(path, form, Ct);
    }

    [GeneratedRegex("""<input[^>]*name="(?<name>__RequestVerificationToken)"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="(?<name>__RequestVerificationToken)"[^>]*>""")]
    private static partial Regex AntiforgeryField();
}

public sealed class SessionEndTests_on_sqlite() : SessionEndTests(StorageKind.Sqlite);

public sealed class SessionEndTests_on_postgres() : SessionEndTests(StorageKind.Postgres);
