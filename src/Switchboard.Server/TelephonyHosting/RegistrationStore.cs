using System.Net;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transport;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// Keeps devices' registrations in storage so that they survive a restart until they expire: at start (before SIP
/// opens) the bindings still valid are put back in the registration table; afterwards every change is written
/// behind, in order, by this service's own loop, so the registrar never waits for storage. Changes still queued at
/// shutdown are written before it ends.
/// </summary>
public sealed partial class RegistrationStore(
    BackToBackUserAgent telephony,
    IDbContextFactory<SwitchboardDbContext> contexts,
    TimeProvider time,
    ILogger<RegistrationStore> logger) : BackgroundService
{
    private readonly Channel<SipBindingEventArgs> _changes =
        Channel.CreateUnbounded<SipBindingEventArgs>(new UnboundedChannelOptions { SingleReader = true });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RestoreAsync(cancellationToken);
        var table = telephony.Registrations;
        table.DeviceRegistered += OnChange;
        table.DeviceRefreshed += OnChange;
        table.DeviceUnregistered += OnChange;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var table = telephony.Registrations;
        table.DeviceRegistered -= OnChange;
        table.DeviceRefreshed -= OnChange;
        table.DeviceUnregistered -= OnChange;
        _changes.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not the stopping token: what is queued when stopping is still written (the writer is completed first).
        await foreach (var change in _changes.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await WriteAsync(change, CancellationToken.None);
            }
            catch (Exception exception) when (exception is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
            {
                // That binding is lost at the next restart only; the phone registers again by itself.
                LogWriteFailed(exception, change.Binding.User, change.Binding.ContactUri);
            }
        }
    }

    private void OnChange(object? sender, SipBindingEventArgs change) => _changes.Writer.TryWrite(change);

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.SipRegistrations.ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            if (record.Expires > now && Enum.TryParse<SipTransportKind>(record.Transport, out var transport)
                && IPAddress.TryParse(record.SourceAddress, out var address))
            {
                var source = new SipTransportAddress(transport, new IPEndPoint(address, record.SourcePort));
                // Already within the cap when they were taken.
                telephony.Registrations.Bind(
                    new SipBinding(record.User, record.ContactUri, source, record.Expires, record.CallId, (uint)record.CSeq, record.Q), int.MaxValue);
            }
            else
            {
                db.SipRegistrations.Remove(record);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task WriteAsync(SipBindingEventArgs change, CancellationToken cancellationToken)
    {
        var binding = change.Binding;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.SipRegistrations.FirstOrDefaultAsync(r => r.User == binding.User && r.ContactUri == binding.ContactUri, cancellationToken);
        if (change.Change != SipBindingChange.Registered)
        {
            if (record is not null)
                db.SipRegistrations.Remove(record);
        }
        else
        {
            if (record is null)
            {
                record = new SipRegistrationRecord
                {
                    User = binding.User, ContactUri = binding.ContactUri, Transport = "", SourceAddress = "", CallId = "",
                };
                db.SipRegistrations.Add(record);
            }
            record.Transport = binding.Source.Transport.ToString();
            record.SourceAddress = binding.Source.EndPoint.Address.ToString();
            record.SourcePort = binding.Source.EndPoint.Port;
            record.Expires = binding.Expires;
            record.CallId = binding.CallId;
            record.CSeq = binding.CSeq;
            record.Q = binding.Q;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registration of '{SipUsername}' at {Contact} could not be stored; it is lost at the next restart.")]
    private partial void LogWriteFailed(Exception exception, string sipUsername, string contact);
}
