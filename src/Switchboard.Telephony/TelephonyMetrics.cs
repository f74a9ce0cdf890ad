using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Switchboard.Telephony;

/// <summary>
/// Telephony's instruments (meter <c>Switchboard.Telephony</c>), exported at <c>/metrics</c>: calls and legs in progress and
/// RTP ports in use, calls ended by result, and what is counted rather than recorded, such as the INVITEs refused
/// before they became calls, which would otherwise let anyone fill the call history.
/// </summary>
public sealed class TelephonyMetrics
{
    public const string MeterName = "Switchboard.Telephony";

    private readonly Counter<long> _refusedInvites;
    private readonly Counter<long> _endedCalls;

    public TelephonyMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _refusedInvites = Meter.CreateCounter<long>(
            "switchboard.sip.invites.refused", unit: "{invite}",
            description: "INVITEs refused before they became calls: not from a trunk and not an authenticated device.");
        _endedCalls = Meter.CreateCounter<long>("switchboard.calls.ended", unit: "{call}", description: "Calls ended, by result (call.result).");
    }

    public Meter Meter { get; }

    /// <summary>Reads the calls in progress, their legs and the RTP ports in use whenever the metrics are collected; called once, by the call owner.</summary>
    internal void Observe(Func<int> liveCalls, Func<int> liveLegs, Func<int> rtpPortsInUse)
    {
        Meter.CreateObservableGauge("switchboard.calls.live", liveCalls, unit: "{call}", description: "Calls in progress, from the INVITE to the end.");
        Meter.CreateObservableGauge("switchboard.legs.live", liveLegs, unit: "{leg}",
            description: "Legs of calls in progress, each with its media: callers, agents ringing or talking, forward targets.");
        Meter.CreateObservableGauge("switchboard.rtp.ports.in_use", rtpPortsInUse, unit: "{port}",
            description: "RTP ports leased by the legs of calls (each leg holds an RTP and an RTCP port).");
    }

    internal void CallFinished(CallResult result) =>
        _endedCalls.Add(1, new KeyValuePair<string, object?>("call.result", JsonNamingPolicy.CamelCase.ConvertName(result.ToString())));

    /// <summary>An INVITE refused with <paramref name="statusCode"/> (403, 400...) before admission; it leaves no call record.</summary>
    internal void InviteRefused(int statusCode) =>
        _refusedInvites.Add(1, new KeyValuePair<string, object?>("sip.response.status_code", statusCode));
}
