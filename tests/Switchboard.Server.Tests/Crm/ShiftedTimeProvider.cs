namespace Switchboard.Server.Tests.Crm;

/// <summary>The system clock moved by a fixed amount, as a node with a wrong clock would read it.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
