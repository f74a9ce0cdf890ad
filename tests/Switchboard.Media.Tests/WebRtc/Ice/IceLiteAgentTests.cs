using System.Net;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Media.WebRtc.Ice;
using Switchboard.Media.WebRtc.Stun;

namespace Switchboard.Media.Tests.WebRtc.Ice;

public class IceLiteAgentTests
{
    private static readonly IceCredentials Ours = new("sbUf", "switchboardPassword0123");
    private static readonly IPEndPoint Browser = new(IPAddress.Parse("192.0.2.45"), 54321);
    private static readonly IPEndPoint BrowserElsewhere = new(IPAddress.Parse("198.51.100.7"), 61000);

    private readonly FakeTimeProvider _time = new();
    private readonly IceLiteAgent _agent;
    private readonly byte[] _response = new byte[IceLiteAgent.MaximumResponseLength];

    public IceLiteAgentTests() => _agent = new IceLiteAgent(Ours, "brUf", _time);

    [Fact]
    public void Browser_check_gets_a_success_response_the_browser_can_verify()
    {
        var transactionId = RandomNumberGenerator.GetBytes(StunMessage.TransactionIdLength);
        var request = BrowserBindingRequest.Create("sbUf:brUf", Ours.Password, transactionId: transactionId);

        var outcome = _agent.HandleStun(request, Browser, _response, out var length);

        Assert.Equal(IceCheckOutcome.Accepted, outcome);
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out var response));
        Assert.Equal(StunMessageType.BindingSuccessResponse, response.Type);
        Assert.Equal(transactionId, response.TransactionId.ToArray());
        Assert.True(response.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(Browser, mapped);
        Assert.True(response.HasValidMessageIntegrity(Encoding.UTF8.GetBytes(Ours.Password)));
        Assert.True(response.HasValidFingerprint());
    }

    [Fact]
    public void Check_with_the_wrong_password_gets_401_and_teaches_nothing()
    {
        var request = BrowserBindingRequest.Create("sbUf:brUf", "notThePasswordAtAll000");

        var outcome = _agent.HandleStun(request, Browser, _response, out var length);

        Assert.Equal(IceCheckOutcome.Unauthorized, outcome);
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out var response));
        Assert.Equal(StunMessageType.BindingErrorResponse, response.Type);
        Assert.True(response.TryGetErrorCode(out var code));
        Assert.Equal(401, code);
        Assert.True(response.HasValidFingerprint());
        Assert.False(response.HasAttribute(StunAttributeType.MessageIntegrity));
        Assert.Null(_agent.RemoteEndPoint);
        Assert.False(_agent.HasConsent);
    }

    [Theory]
    [InlineData("sbUf:other")]
    [InlineData("other:brUf")]
    [InlineData("sbUf")]
    public void Check_for_another_username_gets_401(string username)
    {
        var request = BrowserBindingRequest.Create(username, Ours.Password);

        Assert.Equal(IceCheckOutcome.Unauthorized, _agent.HandleStun(request, Browser, _response, out _));
        Assert.Null(_agent.RemoteEndPoint);
    }

    [Fact]
    public void Check_without_username_gets_400()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingRequest, RandomNumberGenerator.GetBytes(12));
        writer.AddPriority(1853824767);
        writer.AddMessageIntegrity(Encoding.UTF8.GetBytes(Ours.Password));
        writer.AddFingerprint();

        var outcome = _agent.HandleStun(buffer.AsSpan(0, writer.Length), Browser, _response, out var length);

        Assert.Equal(IceCheckOutcome.BadRequest, outcome);
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out var response));
        Assert.True(response.TryGetErrorCode(out var code));
        Assert.Equal(400, code);
    }

    [Fact]
    public void Check_with_a_broken_fingerprint_is_dropped_unanswered()
    {
        var request = BrowserBindingRequest.Create("sbUf:brUf", Ours.Password);
        request[^1] ^= 0xFF;

        Assert.Equal(IceCheckOutcome.Ignored, _agent.HandleStun(request, Browser, _response, out var length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void Valid_check_makes_its_source_the_media_destination()
    {
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password, useCandidate: false), Browser, _response, out _);

        Assert.Equal(Browser, _agent.RemoteEndPoint);
        Assert.False(_agent.IsNominated);
    }

    [Fact]
    public void Nominated_path_stays_the_destination_when_unnominated_checks_come_from_elsewhere()
    {
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), Browser, _response, out _);
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password, useCandidate: false), BrowserElsewhere, _response, out _);

        Assert.True(_agent.IsNominated);
        Assert.Equal(Browser, _agent.RemoteEndPoint);
    }

    [Fact]
    public void A_new_nomination_moves_the_destination()
    {
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), Browser, _response, out _);
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), BrowserElsewhere, _response, out _);

        Assert.Equal(BrowserElsewhere, _agent.RemoteEndPoint);
    }

    [Fact]
    public void Consent_lapses_thirty_seconds_after_the_last_valid_check()
    {
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), Browser, _response, out _);
        var checkedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(_agent.HasConsent);

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_agent.HasConsent);
        Assert.Equal(checkedAt, _agent.LastValidCheckAt);
    }

    [Fact]
    public void Each_valid_check_renews_consent()
    {
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), Browser, _response, out _);
        _time.Advance(TimeSpan.FromSeconds(20));
        _agent.HandleStun(BrowserBindingRequest.Create("sbUf:brUf", Ours.Password), Browser, _response, out _);

        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(_agent.HasConsent);
    }

    [Fact]
    public void Responses_and_indications_get_no_answer()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingIndication, RandomNumberGenerator.GetBytes(12));
        writer.AddFingerprint();

        Assert.Equal(IceCheckOutcome.Ignored, _agent.HandleStun(buffer.AsSpan(0, writer.Length), Browser, _response, out var length));
        Assert.Equal(0, length);
    }
}
