using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Sip;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Headers;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.TelephonyHosting;

/// <summary>
/// SIP digest authentication of the real server over UDP, as a phone and as an attacker see it: replays, username
/// enumeration and password guessing (issue 10, findings 5 and 6).
/// </summary>
public abstract class SipAuthenticationTests(StorageKind storage) : SwitchboardTest(storage)
{
    private const string Device = "100";
    private const string DevicePassword = "device-secret-1";

    private readonly CapturedLog _log = new();
    private WebApplicationFactory<Program>? _server;

    private IPEndPoint SipEndPoint => _server!.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.UdpEndPoint!;

    private async Task StartAsync(int sourceFailures = 10, int accountFailures = 20)
    {
        _server = Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Switchboard:SignInLimits:SourceFailures", sourceFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Switchboard:SignInLimits:AccountFailures", accountFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureLogging(logging => logging.AddProvider(_log));
        });
        var created = await _server.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput("device.owner", "Device Owner", Role.Agent, SwitchboardFactory.UserPassword, SipUsername: Device, SipPassword: DevicePassword), Ct);
        Assert.True(created.Succeeded, "The device's user could not be created.");
    }

    [Fact]
    public async Task A_register_answered_without_qop_is_refused_so_that_a_captured_one_cannot_be_replayed_from_elsewhere()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);
        using var replayer = new SipTestPhone(SipEndPoint, "127.0.0.2");
        var register = phone.Register(Device);
        var challenge = await phone.SendAsync(register, Ct);
        var withoutQop = SipTestPhone.Answer(register, challenge, Device, DevicePassword);
        RemoveQop(withoutQop, challenge);

        var answered = await phone.SendAsync(withoutQop, Ct);
        var replayed = await replayer.SendAsync(withoutQop, Ct);

        Assert.Equal(400, answered.StatusCode);
        Assert.Equal(400, replayed.StatusCode);
        Assert.Empty(_server!.Services.GetRequiredService<BackToBackUserAgent>().Registrations.GetContacts(Device));
    }

    [Fact]
    public async Task A_captured_register_with_qop_replayed_from_another_address_binds_nothing_there()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);
        using var replayer = new SipTestPhone(SipEndPoint, "127.0.0.2");
        var register = phone.Register(Device);
        var answer = SipTestPhone.Answer(register, await phone.SendAsync(register, Ct), Device, DevicePassword);

        var registered = await phone.SendAsync(answer, Ct);
        var replayed = await replayer.SendAsync(answer, Ct);

        Assert.Equal(200, registered.StatusCode);
        Assert.Equal(401, replayed.StatusCode);
        var binding = Assert.Single(_server!.Services.GetRequiredService<BackToBackUserAgent>().Registrations.GetContacts(Device));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, phone.Port), binding.Source.EndPoint);
    }

    [Fact]
    public async Task An_invite_from_a_device_and_from_nobody_get_the_same_challenge_and_the_same_refusal()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);

        var deviceChallenge = await phone.SendAsync(phone.Invite(Device, "5000"), Ct);
        var nobodyChallenge = await phone.SendAsync(phone.Invite("nobody", "5000"), Ct);
        var deviceRefusal = await phone.SendAuthenticatedAsync(phone.Invite(Device, "5000"), Device, "wrong-guess", Ct);
        var nobodyRefusal = await phone.SendAuthenticatedAsync(phone.Invite("nobody", "5000"), "nobody", "wrong-guess", Ct);

        Assert.Equal((407, "Proxy Authentication Required"), (deviceChallenge.StatusCode, SipTestPhone.Phrase(deviceChallenge)));
        Assert.Equal((407, "Proxy Authentication Required"), (nobodyChallenge.StatusCode, SipTestPhone.Phrase(nobodyChallenge)));
        Assert.Equal((403, "Forbidden"), (deviceRefusal.StatusCode, SipTestPhone.Phrase(deviceRefusal)));
        Assert.Equal((403, "Forbidden"), (nobodyRefusal.StatusCode, SipTestPhone.Phrase(nobodyRefusal)));
    }

    [Fact]
    public async Task A_register_for_a_device_and_for_nobody_get_the_same_challenge_and_the_same_refusal()
    {
        await StartAsync();
        using var phone = new SipTestPhone(SipEndPoint);

        var deviceChallenge = await phone.SendAsync(phone.Register(Device), Ct);
        var nobodyChallenge = await phone.SendAsync(phone.Register("nobody"), Ct);
        var deviceRefusal = await phone.SendAuthenticatedAsync(phone.Register(Device), Device, "wrong-guess", Ct);
        var nobodyRefusal = await phone.SendAuthenticatedAsync(phone.Register("nobody"), "nobody", "wrong-guess", Ct);

        Assert.Equal(401, deviceChallenge.StatusCode);
        Assert.Equal(401, nobodyChallenge.StatusCode);
        Assert.Equal((403, "Forbidden"), (deviceRefusal.StatusCode, SipTestPhone.Phrase(deviceRefusal)));
        Assert.Equal((403, "Forbidden"), (nobodyRefusal.StatusCode, SipTestPhone.Phrase(nobodyRefusal)));
    }

    [Fact]
    public async Task Wrong_register_passwords_block_the_address_and_then_the_right_password_is_refused_too()
    {
        await StartAsync(sourceFailures: 5);
        using var attacker = new SipTestPhone(SipEndPoint);
        var register = attacker.Register(Device);
        var earlierChallenge = await attacker.SendAsync(register, Ct);
        for (var guess = 0; guess < 5; guess++)
        {
            var refused = await attacker.SendAuthenticatedAsync(attacker.Register(Device), Device, $"guess-{guess}", Ct);
            Assert.Equal(403, refused.StatusCode);
        }

        var right = await attacker.SendAsync(SipTestPhone.Answer(register, earlierChallenge, Device, DevicePassword), Ct);
        var unchallenged = await attacker.SendAsync(attacker.Register(Device), Ct);

        Assert.Equal((403, "Too Many Failed Attempts"), (right.StatusCode, SipTestPhone.Phrase(right)));
        Assert.InRange(int.Parse(SipTestPhone.Header(right, "Retry-After")!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal((403, "Too Many Failed Attempts"), (unchallenged.StatusCode, SipTestPhone.Phrase(unchallenged)));
        Assert.Empty(_server!.Services.GetRequiredService<BackToBackUserAgent>().Registrations.GetContacts(Device));
    }

    [Fact]
    public async Task Wrong_invite_passwords_block_the_address_even_for_the_right_password()
    {
        await StartAsync(sourceFailures: 5);
        using var attacker = new SipTestPhone(SipEndPoint);
        var invite = attacker.Invite(Device, "5000");
        var earlierChallenge = await attacker.SendAsync(invite, Ct);
        for (var guess = 0; guess < 5; guess++)
            await attacker.SendAuthenticatedAsync(attacker.Invite(Device, "5000"), Device, $"guess-{guess}", Ct);

        var right = await attacker.SendAsync(SipTestPhone.Answer(invite, earlierChallenge, Device, DevicePassword), Ct);

        Assert.Equal((403, "Too Many Failed Attempts"), (right.StatusCode, SipTestPhone.Phrase(right)));
    }

    [Fact]
    public async Task A_device_that_registered_from_its_address_still_registers_while_its_account_is_attacked_from_elsewhere()
    {
        await StartAsync(sourceFailures: 100, accountFailures: 3);
        using var phone = new SipTestPhone(SipEndPoint);
        using var attacker = new SipTestPhone(SipEndPoint, "127.0.0.2");
        Assert.Equal(200, (await phone.SendAuthenticatedAsync(phone.Register(Device), Device, DevicePassword, Ct)).StatusCode);
        for (var guess = 0; guess < 3; guess++)
            await attacker.SendAuthenticatedAsync(attacker.Register(Device), Device, $"guess-{guess}", Ct);

        var fromPhone = await phone.SendAuthenticatedAsync(phone.Register(Device), Device, DevicePassword, Ct);
        var fromAttacker = await attacker.SendAuthenticatedAsync(attacker.Register(Device), Device, DevicePassword, Ct);

        Assert.Equal(200, fromPhone.StatusCode);
        Assert.Equal((403, "Too Many Failed Attempts"), (fromAttacker.StatusCode, SipTestPhone.Phrase(fromAttacker)));
    }

    [Fact]
    public async Task Every_failure_is_logged_in_one_line_with_the_source_address_and_the_username()
    {
        await StartAsync();
        using var attacker = new SipTestPhone(SipEndPoint);

        await attacker.SendAuthenticatedAsync(attacker.Register(Device), Device, "guess", Ct);
        await attacker.SendAuthenticatedAsync(attacker.Invite("nobody", "5000"), "nobody", "guess", Ct);

        var failures = _log.Lines.Where(line => line.StartsWith("Sign-in failed from ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [$"Sign-in failed from 127.0.0.1 for '{Device}' on sip: REGISTER wrong password", "Sign-in failed from 127.0.0.1 for 'nobody' on sip: INVITE unknown device"],
            failures);
    }

    /// <summary>Rewrites the credentials as an RFC 2069 client would send them: no qop, nc or cnonce, response = KD(HA1, nonce:HA2).</summary>
    private static void RemoveQop(SipRequest request, SipResponse challenge)
    {
        Assert.True(challenge.TryGetAuthentication(SipHeaderNames.WwwAuthenticate, out var offers));
        var nonce = System.Text.Encoding.UTF8.GetString(offers[0].Parameters.TryGetValue("nonce"u8, out var value) ? value.Span : default);
        var algorithm = System.Text.Encoding.UTF8.GetString(offers[0].Parameters.TryGetValue("algorithm"u8, out var named) ? named.Span : "MD5"u8);
        Assert.True(DigestCalculator.TryParse(algorithm, out var parsed));
        var uri = System.Text.Encoding.UTF8.GetString(request.RequestUri.Span);
        var ha1 = DigestCalculator.Ha1(parsed, Device, "switchboard", DevicePassword);
        var response = DigestCalculator.Response(parsed, ha1, nonce, null, null, null, "REGISTER", uri);
        request.Headers.Remove("Authorization"u8);
        request.Headers.Add("Authorization",
            $"Digest username=\"{Device}\", realm=\"switchboard\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm={algorithm}");
    }
}

/// <summary>Storage plays no part in SIP authentication: one database is enough.</summary>
public sealed class SipAuthenticationTests_on_sqlite() : SipAuthenticationTests(StorageKind.Sqlite);
