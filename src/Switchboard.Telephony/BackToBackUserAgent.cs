using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Sip;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.SessionTimers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony;

/// <summary>
/// The switchboard's back-to-back user agent. It admits incoming INVITEs (from a trunk's addresses, or from a
/// device that authenticates with digest), finds the dialled number's scenario, and runs each call as a
/// <see cref="Call"/> that answers, plays, rings users, forwards and hangs up as its scenario asks. It also hosts
/// the registrar, and routes BYE, re-INVITE and CANCEL to the call they belong to.
/// </summary>
public sealed class BackToBackUserAgent : ILiveCallDirectory
{
    /// <summary>Why a call failed when the server stopped under it (<see cref="HangUpAllAsync"/>), as its record keeps it.</summary>
    public const string ServerStoppedDetail = "the server stopped";

    private readonly ConcurrentDictionary<string, Call> _bySipCallId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Call> _live = new();
    private readonly SipAuthenticator _authenticator;
    private readonly ScenarioInterpreter _interpreter;
    private readonly IReadOnlyList<ICallObserver> _observers;
    private readonly Lazy<DtlsContext> _webphoneDtls;
    private readonly TelephonyMetrics _metrics;
    // Set once at stop: from then on new INVITEs are answered 503 instead of becoming calls nobody can take.
    private volatile bool _stopping;

    public BackToBackUserAgent(
        SipEndpoint endpoint,
        SipRegistrar registrar,
        RegistrationTable registrations,
        SipAuthenticator authenticator,
        RtpPortPool ports,
        ScenarioInterpreter interpreter,
        ITelephonyDirectory directory,
        IEnumerable<ICallObserver> observers,
        IAcdInputSink acd,
        TelephonyOptions options,
        TimeProvider time,
        ILogger<BackToBackUserAgent> logger,
        TelephonyMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(registrar);
        Endpoint = endpoint;
        Registrations = registrations;
        _authenticator = authenticator;
        Ports = ports;
        _interpreter = interpreter;
        Directory = directory;
        _observers = [.. observers];
        Acd = acd;
        Options = options;
        Time = time;
        Logger = logger;
        _metrics = metrics;
        // Every leg holds one RTP port pair for as long as it lives, so the pairs in use count the legs.
        metrics.Observe(() => _live.Count, () => ports.Capacity - ports.Available, () => 2 * (ports.Capacity - ports.Available));
        Player = new SoundPlayer(time);
        AcdCommands = new AcdCommandDelivery(this);
        UserCalls = new UserCalls(this);
        // Made at the first webphone call: a server without webphone agents never needs OpenSSL.
        _webphoneDtls = new Lazy<DtlsContext>(() => DtlsContext.CreateForAnswering(time));

        endpoint.Handle("REGISTER", registrar.HandleAsync);
        endpoint.Handle("INVITE", OnInviteAsync);
        endpoint.Handle("BYE", OnByeAsync);
        endpoint.SuccessRetransmissions.AckTimedOut += (_, invite) =>
        {
            if (FindCall(invite) is { } call)
                call.Post(new Decide(new CallerVanished("the caller never acknowledged our 200 OK")));
        };
    }

    public SipEndpoint Endpoint { get; }

    public RegistrationTable Registrations { get; }

    /// <summary>Where the ACD's commands reach their calls.</summary>
    public AcdCommandDelivery AcdCommands { get; }

    /// <summary>What users do to their calls from the workspace: accept on the webphone, refuse, hang up, hold, transfer.</summary>
    public UserCalls UserCalls { get; }

    /// <summary>Calls in progress: ringing, in a scenario or in conversation.</summary>
    public int LiveCallCount => _live.Count;

    internal RtpPortPool Ports { get; }

    internal ITelephonyDirectory Directory { get; }

    internal IAcdInputSink Acd { get; }

    internal TelephonyOptions Options { get; }

    internal TimeProvider Time { get; }

    /// <summary>The address our SDP gives <paramref name="peer"/> (null: a webphone), see <see cref="TelephonyOptions.MediaAddress"/>.</summary>
    internal IPAddress MediaAddressFor(SipTransportAddress? peer) =>
        Options.MediaAddress ?? (peer is { } sip ? Endpoint.LocalAddressFor(sip.EndPoint) : Options.WebphoneMediaAddress);

    internal SoundPlayer Player { get; }

    internal ILogger Logger { get; }

    /// <summary>The DTLS server context (and certificate) every webphone leg's handshake uses.</summary>
    internal DtlsContext WebphoneDtls => _webphoneDtls.Value;

    public IReadOnlyCallVariables? FindVariables(Guid callId) => FindLive(callId)?.Variables;

    public LiveCallView? Find(Guid callId) => FindLive(callId)?.View;

    public UserCallView? FindForUser(Guid userId) =>
        _live.Values
            .Select(call => call.FindForUser(userId))
            .OfType<UserCallView>()
            .OrderBy(current => current.Part.State == UserCallState.Ringing)
            .ThenByDescending(current => current.Part.RingingSince)
            .FirstOrDefault();

    /// <summary>From now on a new INVITE is answered 503 (RFC 3261 §21.5.4) and never becomes a call; for the server's stop.</summary>
    public void StopAcceptingCalls() => _stopping = true;

    /// <summary>
    /// Stops accepting calls, ends every live call (BYE or a final response to the caller, BYE or CANCEL to the
    /// other legs, records written, ports released) and waits until each has let go of its media.
    /// </summary>
    public async Task HangUpAllAsync(CancellationToken cancellationToken)
    {
        StopAcceptingCalls();
        var calls = _live.Values.ToList();
        TelephonyLog.Stopping(Logger, calls.Count);
        foreach (var call in calls)
            call.Post(new Decide(new EndAsked(CallResult.Failed, ServerStoppedDetail)));
        await Task.WhenAll(calls.Select(call => call.Completion)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal void Bind(string sipCallId, Call call) => _bySipCallId[sipCallId] = call;

    internal Call? FindLive(Guid callId) => _live.GetValueOrDefault(callId);

    internal void Remove(Call call, IEnumerable<string> sipCallIds)
    {
        _live.TryRemove(call.Id, out _);
        foreach (var sipCallId in sipCallIds)
            _bySipCallId.TryRemove(new KeyValuePair<string, Call>(sipCallId, call));
    }

    internal void Publish(CallEvent callEvent)
    {
        if (callEvent is CallFinished finished)
            _metrics.CallFinished(finished.Summary.Result);
        foreach (var observer in _observers)
            observer.OnCallEvent(callEvent);
    }

    private ValueTask OnInviteAsync(SipServerTransaction transaction, CancellationToken cancellationToken)
    {
        if (transaction.Request.TryGetTo(out var to) && to.HasTag)
        {
            // A re-INVITE belongs to its call's mailbox; a dialog we do not know gets 481 (RFC 3261 §12.2.2).
            if (FindCall(transaction.Request) is { } call && call.Post(new ReinviteReceived(transaction)))
                return ValueTask.CompletedTask;
            return RespondAsync(transaction, transaction.CreateResponse(481));
        }

        if (_stopping)
        {
            _metrics.InviteRefused(503);
            return RespondAsync(transaction, transaction.CreateResponse(503, "Switchboard Stopping"));
        }

        // Admission looks things up in storage: that runs apart, so the endpoint goes on with other messages meanwhile.
        if (transaction is InviteServerTransaction invite)
            _ = AdmitAsync(invite);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnByeAsync(SipServerTransaction transaction, CancellationToken cancellationToken)
    {
        if (FindCall(transaction.Request) is { } call && call.Post(new ByeReceived(transaction)))
            return ValueTask.CompletedTask;
        return RespondAsync(transaction, transaction.CreateResponse(481));
    }

    private Call? FindCall(SipRequest request) =>
        request.TryGetCallId(out var callId) && _bySipCallId.TryGetValue(Encoding.UTF8.GetString(callId.Span), out var call) ? call : null;

    private async Task AdmitAsync(InviteServerTransaction invite)
    {
        var request = invite.Request;
        var admission = InboundInvite.Read(request, Time.GetUtcNow());
        // Stopped with the invite: a CANCEL while storage answers ends the admission.
        var cancellationToken = invite.CancellationRequested;
        try
        {
            var source = invite.Received.Source.EndPoint.Address;
            if (!Directory.IsTrunkAddress(source))
            {
                var refusal = await AuthenticateDeviceAsync(invite, admission, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    await RefuseAsync(invite, admission, refusal, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }

            InboundRoute? route = null;
            foreach (var candidate in admission.DialledCandidates)
            {
                route = Directory.FindNumber(candidate);
                if (route is not null)
                    break;
            }

            if (route is null)
            {
                await RefuseAsync(invite, admission, new Refusal(404, "Number Not Found", CallResult.NotFound,
                    $"{admission.DialledUser} is not a number of this switchboard"), cancellationToken).ConfigureAwait(false);
                return;
            }

            await StartCallAsync(invite, admission with { DialledNumber = route.Number }, route.Scenario, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Publish(new CallFinished(admission.Summary(Time.GetUtcNow(), CallResult.CallerHungUp, "cancelled before it was admitted")));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong (storage gone, a bug), the caller hears a final answer instead of 100 Trying until it gives up.
            TelephonyLog.AdmissionFaulted(Logger, exception, admission.SipCallId, invite.Received.Source.ToString());
            try
            {
                await RefuseAsync(invite, admission, new Refusal(500, "Server Error", CallResult.Failed, $"{exception.GetType().Name}: {exception.Message}"),
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception refusalFault) when (refusalFault is not OutOfMemoryException)
            {
                TelephonyLog.AdmissionFaulted(Logger, refusalFault, admission.SipCallId, invite.Received.Source.ToString());
            }
        }
    }

    /// <summary>
    /// Calls from outside the trunks must come from a device: challenged with 407 (RFC 3261 §22.3) until they
    /// prove the device's credentials. Whether or not the caller names a device, the challenge and the 403 that
    /// follows wrong credentials are the same, so devices cannot be enumerated.
    /// </summary>
    private async Task<Refusal?> AuthenticateDeviceAsync(InviteServerTransaction invite, InboundInvite admission, CancellationToken cancellationToken)
    {
        var source = invite.Received.Source.EndPoint.Address;
        var authentication = await _authenticator.AuthenticateAsync(invite, proxy: true, cancellationToken).ConfigureAwait(false);
        if (authentication.IsChallenge)
        {
            await RespondAsync(invite, authentication.Answer!).ConfigureAwait(false);
            return Refusal.Challenged;
        }
        if (authentication.Answer is { } answer)
            return new Refusal(answer.StatusCode, Encoding.UTF8.GetString(answer.ReasonPhrase.Span), CallResult.Refused,
                $"'{admission.CallerUser}' failed authentication from {source}", answer);
        if (authentication.Username != admission.CallerUser)
            return new Refusal(403, "Forbidden", CallResult.Refused, $"device '{authentication.Username}' called as '{admission.CallerUser}' from {source}");
        return null;
    }

    private async Task StartCallAsync(InviteServerTransaction invite, InboundInvite admission, Scenario scenario, CancellationToken cancellationToken)
    {
        if (Options.SessionTimers is { } sessionTimers && SessionTimerNegotiation.ForRequest(invite.Request, sessionTimers).TooSmallBelow is { } minimum)
        {
            await RefuseAsync(invite, admission, new Refusal(422, "Session Interval Too Small", CallResult.Failed,
                $"the caller asked for a session interval below {minimum} s", LegSignalling.IntervalTooSmall(invite, minimum)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!SdpBody.TryRead(invite.Request, out var offer, out var error))
        {
            await RefuseAsync(invite, admission, new Refusal(488, Call.Phrase($"Unreadable SDP: {error}"), CallResult.Failed, error), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        RtpSession media;
        try
        {
            media = RtpSession.Open(Ports, Options.MediaBindAddress, Time);
        }
        catch (InvalidOperationException exception)
        {
            await RefuseAsync(invite, admission, new Refusal(503, "No Free Media Port", CallResult.Failed, exception.Message), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var caller = new CallerLeg(invite, media, MediaAddressFor(invite.Received.Source), admission.SipCallId);
        if (!OfferAnswer.TryAnswer(offer, caller.Local, out var answer, out var refusal))
        {
            await caller.DisposeAsync().ConfigureAwait(false);
            await RefuseAsync(invite, admission, new Refusal(488, Call.Phrase($"Not Acceptable: {refusal.Message}"), CallResult.Failed, refusal.Message),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        Call call;
        try
        {
            caller.Answer = answer;
            media.Connect(answer.Audio.RemoteRtp, answer.Audio.RemoteRtcp, answer.Audio.Format);
            media.Start();
            call = new Call(this, admission.ToIncomingCall(), caller, admission.StartedAt);
        }
        catch
        {
            // Not a call yet: its media port goes back before admission answers 500.
            await caller.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _live[call.Id] = call;
        Bind(admission.SipCallId, call);
        // From here on the call is its own owner: whatever fails, it ends itself (CallStarted is its first act).
        call.Start(scenario, _interpreter);
    }

    private async Task RefuseAsync(InviteServerTransaction invite, InboundInvite admission, Refusal refusal, CancellationToken cancellationToken)
    {
        if (refusal == Refusal.Challenged)
            return;
        await RespondAsync(invite, refusal.Answer ?? invite.CreateResponse(refusal.StatusCode, refusal.ReasonPhrase)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (refusal.Result == CallResult.Refused)
        {
            // Not a call: anyone can send these by the thousand, so they are counted and logged, never recorded.
            _metrics.InviteRefused(refusal.StatusCode);
            TelephonyLog.InviteRefused(Logger, admission.SipCallId, invite.Received.Source.ToString(), refusal.StatusCode, refusal.Detail);
            return;
        }

        Publish(new CallFinished(admission.Summary(Time.GetUtcNow(), refusal.Result, $"{refusal.StatusCode} {refusal.ReasonPhrase}: {refusal.Detail}")));
    }

    private static async ValueTask RespondAsync(SipServerTransaction transaction, SipResponse response)
    {
        try
        {
            await transaction.SendResponseAsync(response, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or SocketException or IOException)
        {
            // Already answered (a CANCEL got its 487 first) or the caller is gone: nothing more to say.
        }
    }

    /// <summary>Why an INVITE is not taken, and what to answer (<see cref="Answer"/> when it is built already).</summary>
    private sealed record Refusal(int StatusCode, string ReasonPhrase, CallResult Result, string Detail, SipResponse? Answer = null)
    {
        /// <summary>A 407 went out: not a refusal yet, the device tries again with credentials.</summary>
        public static Refusal Challenged { get; } = new(407, "", CallResult.Refused, "");
    }
}
