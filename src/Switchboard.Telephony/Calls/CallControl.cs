using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Sip.Transport;
using SipUri = Switchboard.Sip.SipUri;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// The controls a scenario has over its call. Lookups in the configuration happen here, on the scenario's flow;
/// what changes the call is posted to the call's mailbox, and each method waits for the call to report it done.
/// </summary>
internal sealed class CallControl(Call call, BackToBackUserAgent owner) : ICallControl
{
    public Task AnswerAsync(CancellationToken cancellationToken) =>
        call.AskAsync(done => new AnswerRequested(done), cancellationToken);

    public async Task PlaySoundAsync(Guid soundId, int repeat, CancellationToken cancellationToken)
    {
        // A sound deleted since the scenario was saved is skipped, as the caller would rather go on than hear nothing.
        if (await owner.Directory.FindSoundAsync(soundId, cancellationToken).ConfigureAwait(false) is not { } sound)
            return;
        await call.AskAsync(done => new PlayRequested(sound, repeat, done), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallUserResult> CallUserAsync(Guid userId, int ringSeconds, IReadOnlyCallVariables variables, CancellationToken cancellationToken)
    {
        if (await owner.Directory.FindDeviceUsernameAsync(userId, cancellationToken).ConfigureAwait(false) is not { } username)
            return CallUserResult.Unavailable;
        // The most preferred registered device rings; a user's further devices are not forked to.
        var contacts = owner.Registrations.GetContacts(username);
        if (contacts.Count == 0)
            return CallUserResult.Unavailable;
        return await call.AskAsync<CallUserResult>(done => new CallUserRequested(userId, contacts[0], ringSeconds, done), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task ForwardAsync(string destination, CancellationToken cancellationToken)
    {
        var (requestUri, target, reason) = await ResolveAsync(destination, cancellationToken).ConfigureAwait(false);
        await call.AskAsync(done => new ForwardRequested(requestUri, target, reason, done), cancellationToken).ConfigureAwait(false);
    }

    public Task HangupAsync(HangupReason reason, CancellationToken cancellationToken) =>
        call.AskAsync(done => new HangupRequested(reason, done), cancellationToken);

    /// <summary>A SIP URI goes where it names; a number goes to the outbound trunk as number@host.</summary>
    private async Task<(string RequestUri, SipTransportAddress? Target, string Reason)> ResolveAsync(string destination, CancellationToken cancellationToken)
    {
        var requestUri = destination;
        if (!destination.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && !destination.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            if (await owner.Directory.FindOutboundHostAsync(cancellationToken).ConfigureAwait(false) is not { } host)
                return (destination, null, $"no trunk takes outbound calls to {destination}");
            requestUri = $"sip:{destination}@{host}";
        }

        if (!SipUri.TryParse(System.Text.Encoding.UTF8.GetBytes(requestUri), out var uri))
            return (requestUri, null, $"{requestUri} is not a SIP URI");
        try
        {
            return (requestUri, await SipTargetResolver.ResolveAsync(uri, cancellationToken).ConfigureAwait(false), "");
        }
        catch (Exception exception) when (exception is ArgumentException or System.Net.Sockets.SocketException)
        {
            return (requestUri, null, $"{requestUri} cannot be reached: {exception.Message}");
        }
    }
}
