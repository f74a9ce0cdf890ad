namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// Base of the server's tests: a fresh storage and a server on it per test. Test classes derive an abstract class
/// from this and seal one subclass per database, so that every test runs on both:
/// <code>
/// public abstract class QueueApiTests(StorageKind storage) : SwitchboardTest(storage) { [Fact] ... }
/// public sealed class QueueApiTests_on_sqlite() : QueueApiTests(StorageKind.Sqlite);
/// public sealed class QueueApiTests_on_postgres() : QueueApiTests(StorageKind.Postgres);
/// </code>
/// </summary>
public abstract class SwitchboardTest(StorageKind storageKind) : IAsyncLifetime
{
    // Bounds a hung server so the run ends with a failure instead of waiting for ever.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));
    private TestStorage? _storage;
    private SwitchboardFactory? _factory;

    protected CancellationToken Ct => _timeout.Token;

    protected TestStorage Storage => _storage ?? throw new InvalidOperationException("The test has not been initialized.");

    /// <summary>The running server; replaced by <see cref="RestartAsync"/>.</summary>
    protected SwitchboardFactory Factory => _factory ?? throw new InvalidOperationException("The test has not been initialized.");

    /// <summary>Admin password the first start creates "admin" with; override to start with another.</summary>
    protected virtual string AdminPassword => SwitchboardFactory.AdminPassword;

    /// <summary>The server's clock; override with a fake one to move time in the test.</summary>
    protected virtual TimeProvider? Time => null;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(storageKind, Ct);
        _factory = new SwitchboardFactory(_storage, AdminPassword, time: Time);
    }

    /// <summary>A client acting as <paramref name="actor"/> against the current server.</summary>
    protected Task<HttpClient> ClientAsync(Actor actor) => Factory.CreateClientAsync(actor, Ct);

    /// <summary>Stops the server and starts a new one on the same data directory and database.</summary>
    protected async Task RestartAsync()
    {
        await Factory.DisposeAsync();
        _factory = new SwitchboardFactory(Storage, AdminPassword, time: Time);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        if (_storage is not null)
            await _storage.DisposeAsync();
        _timeout.Dispose();
    }
}
