using System.Net;
using System.Text.RegularExpressions;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Security;

/// <summary>The login page's form post, the cookie it sets, and logout, as a browser goes through them.</summary>
public abstract partial class BrowserLoginTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task Right_password_sets_the_cookie_and_returns_to_the_page_asked_for()
    {
        using var browser = Factory.CreateBrowserClient();

        using var login = await PostFormAsync(browser, "/account/login", ("username", "admin"), ("password", SwitchboardFactory.AdminPassword), ("returnUrl", "/admin/users"));
        using var api = await browser.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin/users", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_goes_back_to_the_login_page_with_an_error()
    {
        using var browser = Factory.CreateBrowserClient();

        using var login = await PostFormAsync(browser, "/account/login", ("username", "admin"), ("password", "wrong-password"), ("returnUrl", "/admin/users"));
        using var api = await browser.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/login?error=1&returnUrl=%2Fadmin%2Fusers", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("https://elsewhere.example/")]
    [InlineData("//elsewhere.example/")]
    public async Task Return_url_to_another_site_is_replaced_by_home(string returnUrl)
    {
        using var browser = Factory.CreateBrowserClient();

        using var login = await PostFormAsync(browser, "/account/login", ("username", "admin"), ("password", SwitchboardFactory.AdminPassword), ("returnUrl", returnUrl));

        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_form_without_the_antiforgery_token_is_refused()
    {
        using var browser = Factory.CreateBrowserClient();
        using var form = new FormUrlEncodedContent([new("username", "admin"), new("password", SwitchboardFactory.AdminPassword)]);

        using var login = await browser.PostAsync("/account/login", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Empty(login.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith("switchboard.auth", StringComparison.Ordinal)) : []);
    }

    [Fact]
    public async Task Logout_ends_the_cookie_session()
    {
        using var browser = Factory.CreateBrowserClient();
        using var login = await PostFormAsync(browser, "/account/login", ("username", "admin"), ("password", SwitchboardFactory.AdminPassword), ("returnUrl", "/"));

        using var logout = await PostFormAsync(browser, "/account/logout");
        using var api = await browser.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/login", logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Page_without_login_redirects_to_the_login_page()
    {
        using var browser = Factory.CreateBrowserClient();

        using var page = await browser.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    // Posts a form as the login page does: with the antiforgery field and cookie that the rendered page hands out.
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

public sealed class BrowserLoginTests_on_sqlite() : BrowserLoginTests(StorageKind.Sqlite);

public sealed class BrowserLoginTests_on_postgres() : BrowserLoginTests(StorageKind.Postgres);
