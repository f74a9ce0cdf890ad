using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.AcdHosting;

public abstract partial class EventStreamTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Supervisor_with_an_access_token_receives_an_agents_status_change()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var token = await SupervisorTokenAsync();
        using var socket = await ConnectAsync($"?access_token={Uri.EscapeDataString(token)}");

        await SetStatusAsync(agent, agentId, "backSoon");

        using var changed = await ReceiveAsync(socket, message => message.RootElement.GetProperty("type").GetString() == "agentStatusChanged");
        var root = changed.RootElement;
        Assert.Equal(agentId, root.GetProperty("agentId").GetGuid());
        Assert.Equal("backSoon", root.GetProperty("status").GetString());
        Assert.Equal("chosen", root.GetProperty("reason").GetString());
        Assert.True(root.TryGetProperty("at", out _));
    }

    [Fact]
    public async Task Agent_signed_in_with_the_browser_cookie_receives_their_own_events_only()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var bobId = await CreateUserAsync("bob");
        using var bob = await ClientOfAsync("bob");
        var cookie = await BrowserCookieAsync("agent", SwitchboardFactory.UserPassword);
        using var socket = await ConnectAsync("", request => request.Headers.Cookie = cookie);

        await SetStatusAsync(bob, bobId, "ready");
        await SetStatusAsync(agent, agentId, "ready");

        var received = new List<(string? Type, Guid AgentId)>();
        while (received.Count == 0 || received[^1].Type != "agentStatusChanged")
        {
            using var message = await ReceiveAsync(socket, _ => true);
            received.Add((message.RootElement.GetProperty("type").GetString(), message.RootElement.GetProperty("agentId").GetGuid()));
        }

        Assert.Equal([("agentReachabilityChanged", agentId), ("agentStatusChanged", agentId)], received);
    }

    [Fact]
    public async Task Open_events_socket_makes_its_agent_reachable_until_it_closes()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var token = await SupervisorTokenAsync();
        using var supervision = await ConnectAsync("", request => request.Headers.Authorization = $"Bearer {token}");
        var agentToken = await Factory.LoginAsync("agent", SwitchboardFactory.UserPassword, Ct);

        var workspace = await ConnectAsync($"?access_token={Uri.EscapeDataString(agentToken)}");
        using (var reachable = await ReceiveAsync(supervision, IsReachabilityOf(agentId)))
            Assert.True(reachable.RootElement.GetProperty("reachable").GetBoolean());

        await workspace.CloseAsync(WebSocketCloseStatus.NormalClosure, "page closed", Ct);
        workspace.Dispose();

        using var unreachable = await ReceiveAsync(supervision, IsReachabilityOf(agentId));
        Assert.False(unreachable.RootElement.GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Anonymous_client_is_refused_the_events_socket()
    {
        var refusal = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => ConnectAsync(""));

        Assert.Contains("401", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_request_for_the_events_address_is_told_to_use_a_websocket()
    {
        using var agent = await ClientAsync(Actor.Agent);

        using var response = await agent.GetAsync("/api/v1/events", Ct);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, Ct);
    }

    private async Task<string> SupervisorTokenAsync()
    {
        // Creates the user "supervisor" on first use.
        (await ClientAsync(Actor.Supervisor)).Dispose();
        return await Factory.LoginAsync("supervisor", SwitchboardFactory.UserPassword, Ct);
    }

    private async Task<WebSocket> ConnectAsync(string query, Action<Microsoft.AspNetCore.Http.HttpRequest>? configure = null)
    {
        var client = Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = configure;
        return await client.ConnectAsync(new Uri($"ws://localhost/api/v1/events{query}"), Ct);
    }

    private async Task<JsonDocument> ReceiveAsync(WebSocket socket, Func<JsonDocument, bool> wanted)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, Ct);
                Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
                text.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var message = JsonDocument.Parse(Encoding.UTF8.GetString(text.ToArray()));
            if (wanted(message))
                return message;
            message.Dispose();
        }
    }

    private static Func<JsonDocument, bool> IsReachabilityOf(Guid agentId) => message =>
        message.RootElement.GetProperty("type").GetString() == "agentReachabilityChanged"
        && message.RootElement.GetProperty("agentId").GetGuid() == agentId;

    /// <summary>Logs in through the login page's form, as a browser does, and returns the cookie header it would send.</summary>
    private async Task<string> BrowserCookieAsync(string username, string password)
    {
        using var browser = Factory.CreateBrowserClient();
        var page = await browser.GetStringAsync("/login", Ct);
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "The login page has no antiforgery field.");
        using var form = new FormUrlEncodedContent(
        [
            new("username", username),
            new("password", password),
            new("returnUrl", "/"),
            new(antiforgery.Groups["name"].Value, WebUtility.HtmlDecode(antiforgery.Groups["value"].Value)),
        ]);
        using var login = await browser.PostAsync("/account/login", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("switchboard.auth=", StringComparison.Ordinal));
        return authCookie.Split(';')[0];
    }

    [GeneratedRegex("""<input[^>]*name="(?<name>__RequestVerificationToken)"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="(?<name>__RequestVerificationToken)"[^>]*>""")]
    private static partial Regex AntiforgeryField();
}

public sealed class EventStreamTests_on_sqlite() : EventStreamTests(StorageKind.Sqlite);

public sealed class EventStreamTests_on_postgres() : EventStreamTests(StorageKind.Postgres);
