using Switchboard.Domain.Acd;

namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// Sinks that read each command and event in place, as a sink that only looks at them does. With
/// <paramref name="keepRecords"/> they make each one's record instead, as the server's sinks that keep them do (the
/// call's mailbox, the event stream and the queue event log).
/// </summary>
internal sealed class CountingSinks(bool keepRecords) : IAcdCommandSink, IAcdEventSink
{
    public long Commands { get; private set; }

    public long Events { get; private set; }

    /// <summary>Sum of the kinds and ticks read, so that the reading cannot be left out.</summary>
    public long Checksum { get; private set; }

    public AcdOutput? LastKept { get; private set; }

    public void Send(AcdCommand command) => throw new InvalidOperationException("The dispatcher hands commands over as values.");

    public void Publish(AcdEvent acdEvent) => throw new InvalidOperationException("The dispatcher hands events over as values.");

    public void Send(in AcdDecision command)
    {
        Commands++;
        Read(in command);
    }

    public void Publish(in AcdDecision acdEvent)
    {
        Events++;
        Read(in acdEvent);
    }

    private void Read(in AcdDecision decision)
    {
        Checksum += (int)decision.Kind + (decision.At.Ticks & 1) + (decision.OfferId.Value & 1);
        if (keepRecords)
            LastKept = decision.ToOutput();
    }
}
