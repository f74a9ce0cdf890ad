using BenchmarkDotNet.Attributes;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// The ACD's decisions on a busy day (see <see cref="RecordedDay"/>), through the dispatcher as the server runs it:
/// one operation is one decision (an input posted to the mailbox and decided, or a timer of the dispatcher's that fell
/// due), its commands and events handed to sinks. Each iteration replays the same measured stretch of the day on a
/// fresh dispatcher warmed up by the day's first part.
/// </summary>
/// <remarks>
/// <see cref="Decide"/> hands the decisions to sinks that read them in place; <see cref="DecideAndKeepRecords"/> to
/// sinks that make each command's and event's record, as the server's sinks that keep them do: the difference is what
/// keeping the outputs costs, on the sinks' side.
/// </remarks>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    public const int WarmUp = 400_000;
    public const int Measured = 200_000;

    private RecordedDay _day = null!;
    private DayRun _run = null!;

    [Params(false, true)]
    public bool KeepRecords { get; set; }

    [GlobalSetup]
    public void Record()
    {
        _day = RecordedDay.Record(WarmUp, Measured);
        // A replay that took other decisions than the recording would measure stale inputs: refuse to run.
        _run = _day.WarmRun(KeepRecords);
        var checksum = Replay(_run, _day);
        if (checksum != _day.MeasuredChecksum)
            throw new InvalidOperationException($"The replay read {checksum}, the recording {_day.MeasuredChecksum}.");
        // Operations are counted as Measured; the stretch ends at the step that reaches it, a few decisions over at most.
        if (_day.MeasuredDecisions - Measured > 10)
            throw new InvalidOperationException($"The measured stretch took {_day.MeasuredDecisions} decisions, not about {Measured}.");
    }

    [IterationSetup]
    public void WarmUpAFreshDispatcher()
    {
        _run.Dispose();
        _run = _day.WarmRun(KeepRecords);
    }

    [Benchmark(OperationsPerInvoke = Measured)]
    public long Decide() => Replay(_run, _day);

    [GlobalCleanup]
    public void Stop() => _run.Dispose();

    /// <returns>What the sinks read during the measured steps.</returns>
    internal static long Replay(DayRun run, RecordedDay day)
    {
        var sinks = (CountingSinks)run.Sinks;
        var before = sinks.Checksum;
        for (var index = day.MeasuredFrom; index < day.Inputs.Length; index++)
            run.Step(day.Inputs[index], day.Times[index]);
        return sinks.Checksum - before;
    }
}
