using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>Unhealthy, naming it, when a SIP listener or the SIP dispatcher no longer runs: calls cannot reach or leave Switchboard.</summary>
public sealed class SipHealthCheck(BackToBackUserAgent telephony) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stopped = telephony.Endpoint.StoppedListeners;
        return Task.FromResult(stopped.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"SIP does not receive: {string.Join(", ", stopped)} stopped."));
    }
}
