using System.Diagnostics.Metrics;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip;

/// <summary>
/// The SIP stack's instruments (meter <c>Switchboard.Sip</c>): messages received and sent by transport and kind,
/// messages dropped by reason, transactions that timed out by timer. Every tag takes a fixed set of values (never a
/// method or a header from the wire), so that no peer can grow the number of series.
/// </summary>
public sealed class SipMetrics
{
    public const string MeterName = "Switchboard.Sip";

    private static readonly KeyValuePair<string, object?> Udp = new("network.transport", "udp");
    private static readonly KeyValuePair<string, object?> Tcp = new("network.transport", "tcp");
    private static readonly KeyValuePair<string, object?> Request = new("sip.message.kind", "request");
    private static readonly KeyValuePair<string, object?> Response = new("sip.message.kind", "response");

    private readonly Counter<long> _received;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _timedOut;

    public SipMetrics(IMeterFactory meters)
        : this(CreateMeter(meters))
    {
    }

    internal SipMetrics(Meter meter)
    {
        Meter = meter;
        _received = meter.CreateCounter<long>("switchboard.sip.messages.received", unit: "{message}",
            description: "SIP messages received and parsed, by transport and kind (request or response).");
        _sent = meter.CreateCounter<long>("switchboard.sip.messages.sent", unit: "{message}",
            description: "SIP messages handed to the network, by transport and kind (request or response).");
        _dropped = meter.CreateCounter<long>("switchboard.sip.messages.dropped", unit: "{message}",
            description: "SIP messages received and dropped, by transport and reason (malformed, over_limits, receive_queue_full, failed).");
        _timedOut = meter.CreateCounter<long>("switchboard.sip.transactions.timed_out", unit: "{transaction}",
            description: "SIP transactions that timed out, by timer: B (INVITE sent, no final response), F (other request sent, no final response), H (non-2xx final response sent to an INVITE, no ACK), 2xx_ack (2xx sent to an INVITE, no ACK).");
    }

    /// <summary>The instruments of an endpoint created without a meter factory: the process-wide meter of the same name.</summary>
    internal static SipMetrics Shared { get; } = new(new Meter(MeterName));

    public Meter Meter { get; }

    internal void Received(SipTransportKind transport, SipMessage message) =>
        _received.Add(1, TagOf(transport), message is SipResponse ? Response : Request);

    /// <summary>A whole message (not a keep-alive) left on <paramref name="transport"/>; a response starts with its status line.</summary>
    internal void Sent(SipTransportKind transport, ReadOnlySpan<byte> message)
    {
        if (InboundMessageReader.IsKeepAlive(message))
            return;
        _sent.Add(1, TagOf(transport), message.StartsWith("SIP/2.0 "u8) ? Response : Request);
    }

    internal void Dropped(SipTransportKind transport, SipDropReason reason) =>
        _dropped.Add(1, TagOf(transport), new KeyValuePair<string, object?>("sip.drop.reason", NameOf(reason)));

    /// <summary>A parse error as the reason it was dropped: a limit it broke, or malformed.</summary>
    internal void Dropped(SipTransportKind transport, SipParseErrorKind error) =>
        Dropped(transport, error is SipParseErrorKind.TooLarge or SipParseErrorKind.LineTooLong or SipParseErrorKind.TooManyHeaders
            ? SipDropReason.OverLimits
            : SipDropReason.Malformed);

    internal void TimedOut(SipTimeoutTimer timer) =>
        _timedOut.Add(1, new KeyValuePair<string, object?>("sip.timer", timer switch
        {
            SipTimeoutTimer.B => "B",
            SipTimeoutTimer.F => "F",
            SipTimeoutTimer.H => "H",
            _ => "2xx_ack",
        }));

    private static Meter CreateMeter(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return meters.Create(MeterName);
    }

    private static KeyValuePair<string, object?> TagOf(SipTransportKind transport) => transport == SipTransportKind.Tcp ? Tcp : Udp;

    private static string NameOf(SipDropReason reason) => reason switch
    {
        SipDropReason.Malformed => "malformed",
        SipDropReason.OverLimits => "over_limits",
        SipDropReason.ReceiveQueueFull => "receive_queue_full",
        _ => "failed",
    };
}
