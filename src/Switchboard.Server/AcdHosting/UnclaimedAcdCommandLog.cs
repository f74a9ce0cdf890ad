using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// The server's <see cref="IUnclaimedAcdCommandSink"/>: such a command concerns no call any more, so it is only
/// noted, for whoever traces a call that ended while the ACD was deciding about it.
/// </summary>
public sealed partial class UnclaimedAcdCommandLog(ILogger<UnclaimedAcdCommandLog> logger) : IUnclaimedAcdCommandSink
{
    public void Receive(AcdCommand command) => LogUnclaimed(logger, command);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No live call took the ACD's command {Command}")]
    private static partial void LogUnclaimed(ILogger logger, AcdCommand command);
}
