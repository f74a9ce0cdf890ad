using Switchboard.Server.AcdHosting;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// The one reader of the ACD's commands: each goes to its call's own mailbox (never waited on, so the dispatcher is
/// never held up); a command for a call telephony no longer has goes to <paramref name="unclaimed"/>.
/// </summary>
public sealed class AcdCommandReader(AcdCommandChannel commands, BackToBackUserAgent telephony, IUnclaimedAcdCommandSink unclaimed)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var command in commands.Decided.ReadAllAsync(stoppingToken))
            {
                if (!telephony.AcdCommands.Deliver(command))
                    unclaimed.Receive(command);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
