using System.Diagnostics.Metrics;

namespace Switchboard.Telephony;

/// <summary>
/// Telephony's counters (meter <c>Switchboard.Telephony</c>): what is counted rather than recorded, such as the
/// INVITEs refused before they became calls, which would otherwise let anyone fill the call history.
/// </summary>
public sealed class TelephonyMetrics
{
    public const string MeterName = "Switchboard.Telephony";

    private readonly Counter<long> _refusedInvites;

    public TelephonyMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _refusedInvites = Meter.CreateCounter<long>(
            "switchboard.sip.invites.refused", unit: "{invite}",
            description: "INVITEs refused before they became calls: not from a trunk and not an authenticated device.");
    }

    public Meter Meter { get; }

    /// <summary>An INVITE refused with <paramref name="statusCode"/> (403, 400...) before admission; it leaves no call record.</summary>
    internal void InviteRefused(int statusCode) =>
        _refusedInvites.Add(1, new KeyValuePair<string, object?>("sip.response.status_code", statusCode));
}
