using System.Diagnostics;
using System.Globalization;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// The time from each input handed to the dispatcher to its decisions handed on, for the measured stretch of the
/// recorded day (after a first replay to warm up the JIT), as percentiles. A step where time passes counts as one input
/// (the timer's tick), however many of the dispatcher's timers then fall due.
/// </summary>
internal static class DecisionLatency
{
    public static void Run()
    {
        var day = RecordedDay.Record(DecisionBenchmarks.WarmUp, DecisionBenchmarks.Measured);
        using (var warm = day.WarmRun(keepRecords: false))
            Replay(day, warm);
        using var run = day.WarmRun(keepRecords: false);
        var ticks = new long[day.Inputs.Length - day.MeasuredFrom];
        var decisionsBefore = run.Dispatcher.Decisions;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        Replay(day, run, ticks);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var decisions = run.Dispatcher.Decisions - decisionsBefore;
        Array.Sort(ticks);
        var total = TimeSpan.FromTicks(ticks.Sum() * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{decisions:N0} decisions ({ticks.Length:N0} steps) in {total.TotalMilliseconds:F0} ms: {decisions / total.TotalSeconds:N0} decisions/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{allocated:N0} B allocated in all, {(double)allocated / decisions:F2} B per decision"));
        foreach (var percentile in new[] { 50.0, 90.0, 99.0, 99.9, 100.0 })
        {
            var index = Math.Min(ticks.Length - 1, (int)Math.Ceiling(percentile / 100 * ticks.Length) - 1);
            var microseconds = ticks[index] * 1_000_000.0 / Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p{percentile}: {microseconds:F2} µs"));
        }
    }

    private static void Replay(RecordedDay day, DayRun run, long[]? ticks = null)
    {
        for (var index = day.MeasuredFrom; index < day.Inputs.Length; index++)
        {
            var started = Stopwatch.GetTimestamp();
            run.Step(day.Inputs[index], day.Times[index]);
            if (ticks is not null)
                ticks[index - day.MeasuredFrom] = Stopwatch.GetTimestamp() - started;
        }
    }
}
