using Switchboard.Domain.Acd;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// The ACD as the server runs it (an <see cref="AcdDispatcher"/> around a fresh <see cref="AcdCore"/>, with its
/// metrics), on one thread: each input goes through the dispatcher's mailbox and is decided by the dispatcher's own
/// step, and time passing fires its timer, whose tick is decided the same way.
/// </summary>
internal sealed class DayRun : IDisposable
{
    private readonly ReplayClock _clock = new(RecordedDay.Start);
    private readonly NoMeterFactory _meters = new();

    public DayRun(IAcdCommandSink commands)
    {
        Sinks = commands;
        Dispatcher = new AcdDispatcher(
            new AcdCore(new AcdOptions(), new Random(RecordedDay.Seed)), _clock, commands, (IAcdEventSink)commands, new AcdMetrics(_meters));
    }

    public AcdDispatcher Dispatcher { get; }

    public IAcdCommandSink Sinks { get; }

    /// <summary>Posts <paramref name="input"/> at <paramref name="at"/> and decides it; or, for none, lets time pass until then.</summary>
    public void Step(AcdInput? input, DateTimeOffset at)
    {
        if (input is not null)
        {
            _clock.Now = at;
            Dispatcher.Post(input);
            Dispatcher.DecidePosted();
            return;
        }

        while (_clock.NextDue() is { } due && due <= at)
        {
            if (due > _clock.Now)
                _clock.Now = due;
            _clock.FireDue();
            Dispatcher.DecidePosted();
        }

        _clock.Now = at;
    }

    public void Dispose() => _meters.Dispose();
}
