using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Server.Security;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// Password guessing against the API token login and the login form, over real HTTP connections to Kestrel
/// (issue 10, finding 6): the address is blocked, the right password is refused while it is, and each failure is
/// logged with the address.
/// </summary>
public abstract partial class LoginLimitTests(StorageKind storage) : SwitchboardTest(storage)
{
    private const int SourceFailures = 5;
    private readonly CapturedLog _log = new();
    private WebApplicationFactory<Program>? _server;
    private Uri? _address;

    private void Start()
    {
        _server = Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Switchboard:SignInLimits:SourceFailures", SourceFailures.ToString(CultureInfo.InvariantCulture));
            builder.ConfigureLogging(logging => logging.AddProvider(_log));
        });
        _server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        _address = new Uri(_server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    /// <summary>A client whose connections come from <paramref name="from"/> (any 127.x address is this machine).</summary>
    private HttpClient ClientFrom(string from = "127.0.0.1") => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
            await socket.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = _address };

    private async Task<HttpResponseMessage> ApiLoginAsync(HttpClient client, string password) =>
        await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest("admin", password), TestJson.Options, Ct);

    [Fact]
    public async Task Wrong_api_passwords_block_the_address_and_the_right_password_then_gets_429_with_retry_after()
    {
        Start();
        using var attacker = ClientFrom();
        for (var guess = 0; guess < SourceFailures; guess++)
        {
            using var wrong = await ApiLoginAsync(attacker, $"guess-{guess}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await ApiLoginAsync(attacker, SwitchboardFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.InRange(right.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("Too many failed logins", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_address_does_not_keep_other_addresses_out()
    {
        Start();
        using var attacker = ClientFrom();
        for (var guess = 0; guess < SourceFailures; guess++)
            (await ApiLoginAsync(attacker, $"guess-{guess}")).Dispose();
        using var colleague = ClientFrom("127.0.0.2");

        using var right = await ApiLoginAsync(colleague, SwitchboardFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Wrong_form_passwords_block_the_address_and_the_login_page_says_so()
    {
        Start();
        using var browser = ClientFrom();
        for (var guess = 0; guess < SourceFailures; guess++)
            (await PostLoginFormAsync(browser, $"guess-{guess}")).Dispose();

        using var right = await PostLoginFormAsync(browser, SwitchboardFactory.AdminPassword);
        var page = await browser.GetStringAsync(right.Headers.Location, Ct);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.StartsWith("/login?error=blocked", right.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Too many failed logins", page, StringComparison.Ordinal);
        using var api = await browser.GetAsync("/api/v1/users", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Every_failed_login_is_logged_in_one_line_with_the_address_and_the_username()
    {
        Start();
        using var client = ClientFrom();

        (await ApiLoginAsync(client, "guess")).Dispose();
        (await PostLoginFormAsync(client, "guess", username: "nobody")).Dispose();

        Assert.Equal(
            ["Sign-in failed from 127.0.0.1 for 'admin' on web: wrong password", "Sign-in failed from 127.0.0.1 for 'nobody' on web: unknown user"],
            _log.Lines.Where(line => line.StartsWith("Sign-in failed from ", StringComparison.Ordinal)));
    }

    private async Task<HttpResponseMessage> PostLoginFormAsync(HttpClient browser, string password, string username = "admin")
    {
        var page = await browser.GetStringAsync("/login", Ct);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "The login page has no antiforgery field.");
        using var form = new FormUrlEncodedContent(
            [new("username", username), new("password", password), new("returnUrl", "/"),
                new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value))]);
        return await browser.PostAsync("/account/login", form, Ct);
    }

    [GeneratedRegex("""<input[^>]*name="(?<name>__RequestVerificationToken)"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="(?<name>__RequestVerificationToken)"[^>]*>""")]
    private static partial Regex AntiforgeryField();
}

/// <summary>Storage plays no part in the limits: one database is enough.</summary>
public sealed class LoginLimitTests_on_sqlite() : LoginLimitTests(StorageKind.Sqlite);
