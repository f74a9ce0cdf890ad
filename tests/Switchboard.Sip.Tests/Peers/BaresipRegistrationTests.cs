using System.Net;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Peers;

public class BaresipRegistrationTests : IAsyncLifetime
{
    private const string Realm = "switchboard.test";

    private readonly SipEndpoint _endpoint = new(new SipEndpointOptions { Address = IPAddress.Loopback, Port = 0 });
    private readonly RegistrationTable _table = new(TimeProvider.System);
    private readonly TaskCompletionSource<SipBinding> _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipBinding> _unregistered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _authorizedAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        // baresip 1.0 gives up on a SHA-256 challenge even beside an MD5 one, so it is offered MD5 only.
        var challenger = new DigestChallenger(Realm, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), TimeProvider.System,
            TimeSpan.FromMinutes(5), [DigestAlgorithm.Md5]);
        var registrar = new SipRegistrar(new SipAuthenticator(challenger, new InMemoryCredentials(Realm, ("alice", "secret")), new NoLimits()), _table,
            new SipRegistrarOptions(), TimeProvider.System);
        _table.DeviceRegistered += (_, e) => _registered.TrySetResult(e.Binding);
        _table.DeviceUnregistered += (_, e) => _unregistered.TrySetResult(e.Binding);
        _endpoint.Handle("REGISTER", async (transaction, ct) =>
        {
            await registrar.HandleAsync(transaction, ct);
            if (transaction.Request.Headers.Contains("Authorization"u8))
                _authorizedAttempt.TrySetResult(true);
        });
        await _endpoint.StartAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => _endpoint.DisposeAsync().AsTask();

    /// <summary>The task's result; a run that never gets there fails with what baresip printed.</summary>
    private static Task<T> Within<T>(Task<T> task, string waitingFor, Baresip baresip) =>
        PeerWait.WithinAsync(task, waitingFor, () => baresip.Output);

    private string Account(string password) =>
        $"<sip:alice@127.0.0.1:{_endpoint.UdpEndPoint!.Port};transport=udp>;auth_pass={password};regint=600";

    [Fact]
    public async Task Baresip_with_the_right_password_is_bound_at_its_address_and_unbound_when_it_quits()
    {
        using var directory = new TemporaryDirectory();
        await using var baresip = await Baresip.StartAsync(Account("secret"), directory);

        var binding = await Within(_registered.Task, "the registration", baresip);
        var contacts = _table.GetContacts("alice");
        // Quitting (SIGTERM) makes baresip un-REGISTER; disposing waits for it to exit, which it does once answered.
        await baresip.DisposeAsync();
        var removed = await Within(_unregistered.Task, "the un-REGISTER sent on quitting", baresip);

        Assert.Equal(binding, Assert.Single(contacts));
        Assert.StartsWith("sip:alice-", binding.ContactUri, StringComparison.Ordinal);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, baresip.Port), binding.Source.EndPoint);
        Assert.Equal(binding.ContactUri, removed.ContactUri);
        Assert.Contains("SIP/2.0 401 Unauthorized", baresip.Output, StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 200 OK", baresip.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Baresip_with_a_wrong_password_is_refused_and_not_bound()
    {
        using var directory = new TemporaryDirectory();
        await using var baresip = await Baresip.StartAsync(Account("wrong"), directory);

        await Within(_authorizedAttempt.Task, "a REGISTER with credentials", baresip);
        var contacts = _table.GetContacts("alice");
        await baresip.DisposeAsync();

        Assert.Empty(contacts);
        Assert.False(_registered.Task.IsCompleted);
        Assert.Contains("SIP/2.0 403 Forbidden", baresip.Output, StringComparison.Ordinal);
    }
}
