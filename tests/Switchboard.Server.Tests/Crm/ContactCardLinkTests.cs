using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Crm;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Crm;

public abstract class ContactCardLinkTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task A_read_only_link_shows_that_contact_to_an_agent_without_CRM_access()
    {
        var (ann, _) = await CreateTwoContactsAsync();
        var link = await CreateLinkAsync(ann);
        using var agent = await ClientAsync(Actor.Agent);

        var card = await agent.GetFromJsonAsync<ContactView>(CardApi(link), TestJson.Options, Ct);
        using var page = await agent.GetAsync(link.Url, Ct);

        Assert.Equal("Ann Smith", card!.Name);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Ann Smith", html, StringComparison.Ordinal);
        // The page encodes "+" as an HTML entity.
        Assert.Contains("14155550100", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob Jones", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_used_for_another_contact_is_refused()
    {
        var (ann, bob) = await CreateTwoContactsAsync();
        var link = await CreateLinkAsync(ann);
        var token = TokenOf(link);
        using var agent = await ClientAsync(Actor.Agent);

        using var api = await agent.GetAsync($"/api/v1/contacts/{bob}/card?token={Uri.EscapeDataString(token)}", Ct);
        using var page = await agent.GetAsync(ContactCardLinks.CardPath(bob, token), Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (api.StatusCode, page.StatusCode));
        Assert.DoesNotContain("Bob Jones", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("tampered")]
    public async Task A_missing_or_altered_token_is_refused(string token)
    {
        var (ann, _) = await CreateTwoContactsAsync();
        var genuine = TokenOf(await CreateLinkAsync(ann));
        if (token == "tampered")
            token = genuine[..^2] + (genuine[^2] == 'A' ? "B" : "A") + genuine[^1];
        using var agent = await ClientAsync(Actor.Agent);

        using var api = await agent.GetAsync($"/api/v1/contacts/{ann}/card?token={Uri.EscapeDataString(token)}", Ct);
        using var page = await agent.GetAsync(ContactCardLinks.CardPath(ann, token), Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (api.StatusCode, page.StatusCode));
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var (ann, _) = await CreateTwoContactsAsync();
        // Issued by a clock running behind by more than a link's lifetime: it expired before it reaches the server.
        var expired = await Factory.WithServicesAsync(services => Task.FromResult(
            new ContactCardLinks(services.GetRequiredService<IDataProtectionProvider>(), new ShiftedTimeProvider(-ContactCardLinks.Lifetime - TimeSpan.FromMinutes(1)))
                .Create(ann)));
        using var agent = await ClientAsync(Actor.Agent);

        using var api = await agent.GetAsync(CardApi(expired), Ct);
        using var page = await agent.GetAsync(expired.Url, Ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (api.StatusCode, page.StatusCode));
    }

    [Fact]
    public async Task A_link_expires_an_hour_after_it_is_created()
    {
        var (ann, _) = await CreateTwoContactsAsync();
        var before = DateTimeOffset.UtcNow;

        var link = await CreateLinkAsync(ann);

        Assert.InRange(link.ExpiresAt, before + ContactCardLinks.Lifetime, DateTimeOffset.UtcNow + ContactCardLinks.Lifetime);
        Assert.Equal(TimeSpan.FromHours(1), ContactCardLinks.Lifetime);
    }

    [Fact]
    public async Task The_read_only_card_needs_a_logged_in_user()
    {
        var (ann, _) = await CreateTwoContactsAsync();
        var link = await CreateLinkAsync(ann);
        using var anonymous = await ClientAsync(Actor.Anonymous);

        using var api = await anonymous.GetAsync(CardApi(link), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private async Task<(Guid Ann, Guid Bob)> CreateTwoContactsAsync()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var ann = await ConfigurationApi.CreateAsync<ContactView>(
            admin, "/api/v1/contacts", new { name = "Ann Smith", phones = new[] { new { number = "+14155550100" } } }, Ct);
        var bob = await ConfigurationApi.CreateAsync<ContactView>(admin, "/api/v1/contacts", new { name = "Bob Jones" }, Ct);
        return (ann.Id, bob.Id);
    }

    private async Task<ReadOnlyLink> CreateLinkAsync(Guid contactId)
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var response = await admin.PostAsync($"/api/v1/contacts/{contactId}/read-only-link", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = (await response.Content.ReadFromJsonAsync<ReadOnlyLink>(TestJson.Options, Ct))!;
        Assert.StartsWith($"/crm/contacts/{contactId}/card?token=", link.Url, StringComparison.Ordinal);
        return link;
    }

    private static string TokenOf(ReadOnlyLink link) => Uri.UnescapeDataString(link.Url[(link.Url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    private static string CardApi(ReadOnlyLink link)
    {
        var contactId = link.Url.Split('/')[3];
        return $"/api/v1/contacts/{contactId}/card?token={Uri.EscapeDataString(TokenOf(link))}";
    }
}

public sealed class ContactCardLinkTests_on_sqlite() : ContactCardLinkTests(StorageKind.Sqlite);

public sealed class ContactCardLinkTests_on_postgres() : ContactCardLinkTests(StorageKind.Postgres);
