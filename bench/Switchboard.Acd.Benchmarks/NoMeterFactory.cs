using System.Diagnostics.Metrics;

namespace Switchboard.Acd.Benchmarks;

/// <summary>Meters for the ACD's instruments, as the server makes them; nothing listens during the benchmark.</summary>
internal sealed class NoMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
            meter.Dispose();
    }
}
