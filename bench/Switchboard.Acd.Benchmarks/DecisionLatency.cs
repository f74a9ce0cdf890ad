using System.Diagnostics;
using System.Globalization;
using Switchboard.Domain.Acd;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// The time from an input handed to the core to its decisions handed on, for each input of the measured stretch of
/// the recorded day (after a first replay to warm up the JIT), as percentiles.
/// </summary>
internal static class DecisionLatency
{
    public static void Run()
    {
        var day = RecordedDay.Record(DecisionBenchmarks.WarmUp, DecisionBenchmarks.Measured);
        Replay(day, day.WarmCore());
        var core = day.WarmCore();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var ticks = Replay(day, core);
        // The array of timings is the replay's own, not the decisions'.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore - ((long)ticks.Length * sizeof(long));
        Array.Sort(ticks);
        var total = TimeSpan.FromTicks(ticks.Sum() * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ticks.Length:N0} decisions in {total.TotalMilliseconds:F0} ms: {ticks.Length / total.TotalSeconds:N0} decisions/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(double)day.Outputs / ticks.Length:F2} outputs and {(double)allocated / ticks.Length:F0} B allocated per decision"));
        foreach (var percentile in new[] { 50.0, 90.0, 99.0, 99.9, 100.0 })
        {
            var index = Math.Min(ticks.Length - 1, (int)Math.Ceiling(percentile / 100 * ticks.Length) - 1);
            var microseconds = ticks[index] * 1_000_000.0 / Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p{percentile}: {microseconds:F2} µs"));
        }
    }

    private static long[] Replay(RecordedDay day, AcdCore core)
    {
        var ticks = new long[day.MeasuredCount];
        for (var index = day.MeasuredFrom; index < day.Inputs.Length; index++)
        {
            var started = Stopwatch.GetTimestamp();
            Dispatch.Outputs(core.Handle(day.Inputs[index], day.Times[index]));
            ticks[index - day.MeasuredFrom] = Stopwatch.GetTimestamp() - started;
        }

        return ticks;
    }
}
