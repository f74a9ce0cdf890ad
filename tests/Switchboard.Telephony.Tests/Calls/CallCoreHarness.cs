using System.Net;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transport;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Tests.Calls;

/// <summary>
/// Drives one <see cref="CallCore"/> with fake time, as its shell would: each input's effects are kept, per batch and
/// in all, and requests are numbered as the shell numbers them.
/// </summary>
internal sealed class CallCoreHarness
{
    public static readonly EncodedSound Ringback = BuiltInSounds.Ringback;
    public static readonly EncodedSound HoldMusic = BuiltInSounds.HoldMusic;

    private int _lastRequest;
    private long _lastOffer;

    public CallCoreHarness()
    {
        Incoming = new IncomingCall(Guid.NewGuid(), "+3210000000", "+3220000000", "Caller", new Dictionary<string, string>());
        Core = new CallCore(Incoming, Ringback, HoldMusic);
    }

    public IncomingCall Incoming { get; }

    public Guid CallId => Incoming.CallId;

    public CallCore Core { get; }

    public DateTimeOffset Now { get; private set; } = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Every effect so far, in order.</summary>
    public List<CallEffect> Effects { get; } = [];

    /// <summary>The effects of the last input.</summary>
    public IReadOnlyList<CallEffect> Last { get; private set; } = [];

    /// <summary>A SIP phone registered at its own address.</summary>
    public static RingTarget Device(int number) => new(new SipBinding(
        $"user{number}", $"sip:user{number}@192.0.2.{number}:5060", new SipTransportAddress(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse($"192.0.2.{number}"), 5060)),
        DateTimeOffset.MaxValue, $"reg-{number}", 1, null));

    /// <summary>The user's webphone in their workspace.</summary>
    public static RingTarget Webphone { get; } = new(Device: null);

    public static SipTransportAddress Carrier { get; } = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.1"), 5060));

    public IReadOnlyList<CallEffect> Handle(CallInput input)
    {
        Last = [.. Core.Handle(input, Now)];
        Effects.AddRange(Last);
        return Last;
    }

    /// <summary>Asks the core as a scenario or a workspace would: a new request number, then the input.</summary>
    public RequestId Ask(Func<RequestId, CallInput> input)
    {
        var request = NextRequest();
        Handle(input(request));
        return request;
    }

    public RequestId NextRequest() => new(++_lastRequest);

    public void Advance(TimeSpan time) => Now += time;

    public IEnumerable<T> All<T>() where T : CallEffect => Effects.OfType<T>();

    public IEnumerable<T> InLast<T>() where T : CallEffect => Last.OfType<T>();

    public IEnumerable<AcdInput> ToldAcd => Effects.OfType<TellAcd>().Select(tell => tell.Input);

    public IEnumerable<CallEvent> Published => Effects.OfType<Publish>().Select(publish => publish.Event);

    /// <summary>The leg the last input placed.</summary>
    public LegId Placed => Assert.Single(InLast<PlaceLeg>()).Leg;

    public OfferCall Offer(Guid agentId, RingTarget? target, TimeSpan? ringTimeout = null)
    {
        var offer = new OfferCall(CallId, agentId, new OfferId(++_lastOffer), ringTimeout ?? TimeSpan.FromSeconds(20));
        Handle(new OfferAsked(offer, target));
        return offer;
    }

    /// <summary>The scenario run ended with <paramref name="outcome"/> (null: it failed).</summary>
    public IReadOnlyList<CallEffect> ScenarioEnded(ScenarioRunOutcome? outcome) =>
        Handle(new ScenarioEnded(outcome is null ? null : new ScenarioRunResult(outcome, CallVariables.ForIncomingCall(Incoming))));
}
