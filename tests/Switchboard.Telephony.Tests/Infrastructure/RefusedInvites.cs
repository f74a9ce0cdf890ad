using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>Listens to one server's <c>switchboard.sip.invites.refused</c> counter, as a metrics exporter would.</summary>
internal sealed class RefusedInvites : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RefusedInvites(TelephonyServer server)
    {
        var meters = server.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this server's meter: parallel tests run servers of their own.
            if (instrument.Meter.Scope == meters && instrument.Name == "switchboard.sip.invites.refused")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
