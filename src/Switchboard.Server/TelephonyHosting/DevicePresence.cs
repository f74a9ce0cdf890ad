using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Server.AcdHosting;
using Switchboard.Sip.Registrar;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// An agent whose SIP device is registered is reachable for the ACD: each registered contact of a user's device
/// counts as one of the agent's connections until it is unregistered or expires. Registrations are taken in the
/// order they happened and handled one at a time, as finding the user is a lookup in storage.
/// </summary>
public sealed partial class DevicePresence(
    BackToBackUserAgent telephony,
    AgentPresence presence,
    IDbContextFactory<SwitchboardDbContext> contexts,
    ILogger<DevicePresence> logger) : BackgroundService
{
    private readonly Channel<SipBindingEventArgs> _changes =
        Channel.CreateUnbounded<SipBindingEventArgs>(new UnboundedChannelOptions { SingleReader = true });

    // Touched by the loop only: the connection held for each registered (user, contact).
    private readonly Dictionary<(string User, string Contact), IDisposable> _connections = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before telephony opens SIP (this service starts first), so that no registration is missed.
        telephony.Registrations.DeviceRegistered += OnChange;
        telephony.Registrations.DeviceUnregistered += OnChange;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        telephony.Registrations.DeviceRegistered -= OnChange;
        telephony.Registrations.DeviceUnregistered -= OnChange;
        await base.StopAsync(cancellationToken);
        foreach (var connection in _connections.Values)
            connection.Dispose();
        _connections.Clear();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
                await ApplyAsync(change, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void OnChange(object? sender, SipBindingEventArgs change) => _changes.Writer.TryWrite(change);

    private async Task ApplyAsync(SipBindingEventArgs change, CancellationToken cancellationToken)
    {
        var key = (change.Binding.User, change.Binding.ContactUri);
        if (change.Change != SipBindingChange.Registered)
        {
            if (_connections.Remove(key, out var connection))
                connection.Dispose();
            return;
        }

        if (_connections.ContainsKey(key))
            return;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var agentId = await db.Users.AsNoTracking()
                // A user who takes calls in the webphone is reachable through their workspace, not their device.
                .Where(user => user.SipDevice != null && user.SipDevice.Username == key.User && !user.WebphoneEnabled)
                .Select(user => (Guid?)user.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (agentId is { } id)
                _connections[key] = presence.Connect(id);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            // The device stays unreachable for the ACD until it registers again; calls still reach it directly.
            LogLookupFailed(exception, key.User);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The device '{SipUsername}' registered, but its user could not be looked up.")]
    private partial void LogLookupFailed(Exception exception, string sipUsername);
}
