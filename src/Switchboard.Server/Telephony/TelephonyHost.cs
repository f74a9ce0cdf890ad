using Switchboard.Telephony;

namespace Switchboard.Server.Telephony;

/// <summary>Opens SIP when the server starts; at stop hangs up every live call before SIP closes.</summary>
public sealed class TelephonyHost(BackToBackUserAgent telephony) : IHostedService
{
    private int _stopped;

    public Task StartAsync(CancellationToken cancellationToken) => telephony.Endpoint.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped twice (by its owner, then by Run returning); the endpoint closes once.
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        try
        {
            await telephony.HangUpAllAsync(cancellationToken);
        }
        finally
        {
            await telephony.Endpoint.StopAsync(cancellationToken);
        }
    }
}
