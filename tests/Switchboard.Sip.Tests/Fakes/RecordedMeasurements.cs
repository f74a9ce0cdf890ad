using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Switchboard.Sip.Tests.Fakes;

/// <summary>The sums of one meter's counters, by instrument and tags, as an exporter would see them.</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();

    public RecordedMeasurements(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _sums.AddOrUpdate(Key(instrument.Name, tags), value, (_, sum) => sum + value));
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="instrument"/> over the measurements carrying exactly <paramref name="tags"/> ("name=value").</summary>
    public long Sum(string instrument, params string[] tags) =>
        _sums.GetValueOrDefault($"{instrument}{{{string.Join(',', tags.Order(StringComparer.Ordinal))}}}");

    /// <summary>Waits, within the guard, until the sum reaches <paramref name="expected"/> (a send is counted just after it left).</summary>
    public async Task<long> SumWhenAsync(long expected, string instrument, params string[] tags)
    {
        using var guard = new CancellationTokenSource(PeerWait.Guard);
        while (Sum(instrument, tags) < expected && !guard.IsCancellationRequested)
            await Task.Delay(10, CancellationToken.None);
        return Sum(instrument, tags);
    }

    public void Dispose() => _listener.Dispose();

    private static string Key(string instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new List<string>(tags.Length);
        foreach (var tag in tags)
            names.Add($"{tag.Key}={tag.Value}");
        return $"{instrument}{{{string.Join(',', names.Order(StringComparer.Ordinal))}}}";
    }
}
