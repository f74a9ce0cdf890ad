using BenchmarkDotNet.Attributes;
using Switchboard.Domain.Acd;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// The ACD's decisions on a busy day (see <see cref="RecordedDay"/>): one operation is one input decided by the
/// core and its outputs handed on as the dispatcher's loop does (commands and events to sinks, timers read). Each
/// iteration replays the same measured stretch of the day on a fresh core warmed up by the day's first part.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    public const int WarmUp = 100_000;
    public const int Measured = 200_000;

    private RecordedDay _day = null!;
    private AcdCore _core = null!;

    [GlobalSetup]
    public void Record()
    {
        _day = RecordedDay.Record(WarmUp, Measured);
        // A replay that took other decisions than the recording would measure stale inputs: refuse to run.
        _core = _day.WarmCore();
        var outputs = Replay();
        if (outputs != _day.Outputs)
            throw new InvalidOperationException($"The replay decided {outputs} outputs, the recording {_day.Outputs}.");
    }

    [IterationSetup]
    public void WarmUpAFreshCore() => _core = _day.WarmCore();

    [Benchmark(OperationsPerInvoke = Measured)]
    public long Decide() => Replay();

    private long Replay()
    {
        var inputs = _day.Inputs;
        var times = _day.Times;
        long outputs = 0;
        for (var index = _day.MeasuredFrom; index < inputs.Length; index++)
            outputs += Dispatch.Outputs(_core.Handle(inputs[index], times[index]));
        return outputs;
    }
}
