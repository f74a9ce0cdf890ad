using System.Net;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Registrar;

public class SipRegistrarTests
{
    private const string Realm = "switchboard.test";
    private static readonly SipTransportAddress Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40112));

    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly SipTransactionLayer _layer;
    private readonly RegistrationTable _table;
    private readonly SipRegistrar _registrar;
    private readonly List<SipBindingEventArgs> _events = [];
    private readonly NoLimits _guard = new();
    private int _branch;

    public SipRegistrarTests()
    {
        _sender = new RecordingSender(_time);
        _layer = new SipTransactionLayer(_sender, _time, new SipTimerOptions());
        _table = new RegistrationTable(_time);
        _table.DeviceRegistered += (_, e) => _events.Add(e);
        _table.DeviceUnregistered += (_, e) => _events.Add(e);
        var challenger = new DigestChallenger(Realm, "0123456789abcdef0123456789abcdef"u8.ToArray(), _time, TimeSpan.FromMinutes(5));
        var authenticator = new SipAuthenticator(challenger, new InMemoryCredentials(Realm, ("alice", "secret"), ("bob", "hunter2")), _guard);
        _registrar = new SipRegistrar(authenticator, _table,
            new SipRegistrarOptions { MinExpires = 60, MaxExpires = 3600, DefaultExpires = 600 }, _time);
    }

    private static SipRequest Register(string user, string headers, uint cseq = 1) => TestMessages.ParseRequest($"""
        REGISTER sip:{Realm} SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKreg{cseq}x;rport
        Max-Forwards: 70
        From: <sip:{user}@{Realm}>;tag=regtag
        To: <sip:{user}@{Realm}>
        Call-ID: reg-{user}@10.0.0.7
        CSeq: {cseq} REGISTER
        {headers}
        Content-Length: 0


        """);

    private async Task<SipResponse> Send(SipRequest request)
    {
        _sender.Clear();
        var transaction = _layer.CreateServerTransaction(new SipReceivedMessage(request, Phone));
        await _registrar.HandleAsync(transaction, CancellationToken.None);
        return Assert.IsType<SipResponse>(Assert.Single(_sender.Messages));
    }

    /// <summary>Sends the request, answers the 401 as a phone would, and returns the final response.</summary>
    private async Task<SipResponse> SendAuthenticated(SipRequest request, string username, string password)
    {
        var challenge = await Send(request);
        Assert.Equal(401, challenge.StatusCode);
        Assert.True(DigestClient.TryCreateAuthorizedRetry(request, challenge, username, password, out var retry));
        retry.Headers.Add("Via", $"SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bKauth{++_branch};rport");
        return await Send(Assert.IsType<SipRequest>(TestMessages.Parse(SipMessageWriter.ToArray(retry))));
    }

    [Fact]
    public async Task A_register_without_credentials_is_challenged_and_binds_nothing()
    {
        var response = await Send(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>"));

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(2, response.Headers.CountLines("WWW-Authenticate"u8));
        Assert.Empty(_table.GetContacts("alice"));
    }

    [Fact]
    public async Task The_right_password_binds_the_contact_with_the_address_it_came_from()
    {
        var response = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>;expires=300"), "alice", "secret");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<sip:alice@10.0.0.7:5060>;expires=300", response.Header("Contact"));
        var binding = Assert.Single(_table.GetContacts("alice"));
        Assert.Equal("sip:alice@10.0.0.7:5060", binding.ContactUri);
        Assert.Equal(Phone, binding.Source);
        Assert.Equal(SipBindingChange.Registered, Assert.Single(_events).Change);
    }

    [Fact]
    public async Task A_wrong_password_is_forbidden_and_binds_nothing()
    {
        var response = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>"), "alice", "guess");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_table.GetContacts("alice"));
    }

    [Fact]
    public async Task An_unknown_user_is_forbidden_as_a_wrong_password_is_and_both_are_reported_to_the_guard()
    {
        var unknown = await SendAuthenticated(Register("mallory", "Contact: <sip:mallory@10.0.0.7:5060>"), "mallory", "x");
        var wrong = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>", cseq: 3), "alice", "x");

        Assert.Equal((403, "Forbidden"), (unknown.StatusCode, unknown.ReasonPhrase.Text()));
        Assert.Equal((403, "Forbidden"), (wrong.StatusCode, wrong.ReasonPhrase.Text()));
        Assert.Equal([("mallory", DigestVerdict.UnknownUser), ("alice", DigestVerdict.WrongCredentials)], _guard.Failures.Select(f => (f.Username, f.Verdict)));
    }

    [Fact]
    public async Task Credentials_of_one_user_do_not_register_another()
    {
        var response = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>"), "bob", "hunter2");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_table.GetContacts("alice"));
    }

    [Fact]
    public async Task An_interval_below_the_minimum_is_too_brief()
    {
        var response = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>\nExpires: 30"), "alice", "secret");

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Header("Min-Expires"));
        Assert.Empty(_table.GetContacts("alice"));
    }

    [Fact]
    public async Task An_interval_above_the_maximum_is_shortened()
    {
        var response = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>\nExpires: 86400"), "alice", "secret");

        Assert.Equal("<sip:alice@10.0.0.7:5060>;expires=3600", response.Header("Contact"));
    }

    [Fact]
    public async Task Without_any_expires_the_default_applies()
    {
        var response = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>"), "alice", "secret");

        Assert.Equal("<sip:alice@10.0.0.7:5060>;expires=600", response.Header("Contact"));
    }

    [Fact]
    public async Task A_binding_expires_when_not_refreshed()
    {
        await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>;expires=120"), "alice", "secret");

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(_table.GetContacts("alice"));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(_table.GetContacts("alice"));
        Assert.Equal([SipBindingChange.Registered, SipBindingChange.Expired], _events.Select(e => e.Change));
    }

    [Fact]
    public async Task A_refresh_extends_the_binding_without_announcing_it_again()
    {
        await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>;expires=120", cseq: 1), "alice", "secret");
        _time.Advance(TimeSpan.FromSeconds(100));

        await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>;expires=120", cseq: 3), "alice", "secret");
        _time.Advance(TimeSpan.FromSeconds(100));

        Assert.Single(_table.GetContacts("alice"));
        Assert.Equal([SipBindingChange.Registered], _events.Select(e => e.Change));
    }

    [Fact]
    public async Task Expires_zero_removes_the_binding()
    {
        await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>", cseq: 1), "alice", "secret");

        var response = await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>;expires=0", cseq: 3), "alice", "secret");

        Assert.Equal(200, response.StatusCode);
        Assert.False(response.Headers.Contains("Contact"u8));
        Assert.Empty(_table.GetContacts("alice"));
        Assert.Equal(SipBindingChange.Unregistered, _events[^1].Change);
    }

    [Fact]
    public async Task A_star_with_expires_zero_removes_every_binding()
    {
        await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>, <sip:alice@10.0.0.8:5060>", cseq: 1), "alice", "secret");

        var response = await SendAuthenticated(Register("alice", "Contact: *\nExpires: 0", cseq: 3), "alice", "secret");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(_table.GetContacts("alice"));
    }

    [Fact]
    public async Task A_star_without_expires_zero_is_a_bad_request()
    {
        var response = await SendAuthenticated(Register("alice", "Contact: *", cseq: 3), "alice", "secret");

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task A_register_without_contact_lists_the_current_bindings()
    {
        await SendAuthenticated(Register("alice", "Contact: <sip:alice@10.0.0.7:5060>;expires=300", cseq: 1), "alice", "secret");
        _time.Advance(TimeSpan.FromSeconds(100));

        var response = await SendAuthenticated(Register("alice", "User-Agent: test-phone", cseq: 3), "alice", "secret");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<sip:alice@10.0.0.7:5060>;expires=200", response.Header("Contact"));
        Assert.Single(_table.GetContacts("alice"));
    }
}
