using System.Net;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Hosting;

/// <summary>Refuses to start with settings the telephony could not listen with, naming the key to fix.</summary>
public sealed class SwitchboardOptionsValidator : IValidateOptions<SwitchboardOptions>
{
    public ValidateOptionsResult Validate(string? name, SwitchboardOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add("Switchboard:DataDirectory must be set.");
        if (!IPAddress.TryParse(options.Sip.Address, out _))
            failures.Add($"Switchboard:Sip:Address '{options.Sip.Address}' is not an IP address.");
        // 0 picks a free port for UDP and TCP alike, which tests use to run side by side.
        if (options.Sip.Port != 0 && !IsPort(options.Sip.Port))
            failures.Add($"Switchboard:Sip:Port {options.Sip.Port} is not a port number (1-65535, or 0 for any free one).");
        if (string.IsNullOrWhiteSpace(options.Sip.Realm))
            failures.Add("Switchboard:Sip:Realm must be set.");
        if (!IsPort(options.Rtp.PortMin) || !IsPort(options.Rtp.PortMax))
            failures.Add($"Switchboard:Rtp:PortMin and PortMax must be port numbers (1-65535), not {options.Rtp.PortMin}-{options.Rtp.PortMax}.");
        // Each media session takes an even RTP port and the odd one above it for RTCP.
        else if (options.Rtp.PortMax - options.Rtp.PortMin < 1)
            failures.Add($"Switchboard:Rtp:PortMax must be above PortMin so the range holds at least one RTP/RTCP pair, not {options.Rtp.PortMin}-{options.Rtp.PortMax}.");
        var sessionTimer = options.Sip.SessionTimer;
        if (sessionTimer.IntervalSeconds != 0 && (sessionTimer.MinSeconds < 1 || sessionTimer.IntervalSeconds < sessionTimer.MinSeconds))
            failures.Add($"Switchboard:Sip:SessionTimer:IntervalSeconds ({sessionTimer.IntervalSeconds}) must be 0 (off) or at least MinSeconds ({sessionTimer.MinSeconds}), which must be 1 or more.");
        if (options.Metrics.ScrapeToken is { Length: > 0 and < 32 })
            failures.Add("Switchboard:Metrics:ScrapeToken must be at least 32 characters (e.g. openssl rand -base64 32), or empty for admins only.");
        if (options.Configuration.RefreshSeconds < 0)
            failures.Add($"Switchboard:Configuration:RefreshSeconds must be 0 (off) or more, not {options.Configuration.RefreshSeconds}.");
        if (options.Rtp.InactivityTimeoutSeconds < 0)
            failures.Add($"Switchboard:Rtp:InactivityTimeoutSeconds must be 0 (off) or more, not {options.Rtp.InactivityTimeoutSeconds}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPort(int port) => port is > 0 and <= 65535;
}
