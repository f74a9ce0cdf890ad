using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// The controls a scenario has over its call. Lookups in the configuration (in memory) happen here, on the scenario's flow;
/// what changes the call is asked of the call's core through its mailbox, and each method waits for the core's answer.
/// </summary>
internal sealed class CallControl(Call call, BackToBackUserAgent owner) : ICallControl
{
    public Task AnswerAsync(CancellationToken cancellationToken) =>
        call.AskAsync<bool>(request => new AnswerAsked(request), cancellationToken);

    public async Task PlaySoundAsync(Guid soundId, int repeat, CancellationToken cancellationToken)
    {
        // A sound deleted since the scenario was saved is skipped, as the caller would rather go on than hear nothing.
        if (owner.Directory.FindSound(soundId) is not { } sound)
            return;
        await call.AskAsync<bool>(request => new PlayAsked(request, sound, repeat), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallUserResult> CallUserAsync(Guid userId, int ringSeconds, IReadOnlyCallVariables variables, CancellationToken cancellationToken)
    {
        if (RingTarget.ForDirectCall(owner, userId) is not { } target)
            return CallUserResult.Unavailable;
        return await call.AskAsync<CallUserResult>(request => new CallUserAsked(request, userId, target, TimeSpan.FromSeconds(ringSeconds)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The call waits in the queue, hearing its music on hold (or the built-in one) when it plays music; the variables the agents see are the call's own.</summary>
    public Task<QueueWaitResult> WaitInQueueAsync(
        Guid queueId, int priority, int? maxWaitSeconds, bool musicOnHold, IReadOnlyCallVariables variables, CancellationToken cancellationToken)
    {
        var music = musicOnHold ? owner.Directory.FindQueueMusic(queueId) ?? BuiltInSounds.HoldMusic : null;
        return call.AskAsync<QueueWaitResult>(request => new QueueAsked(request, queueId, priority, maxWaitSeconds, music), cancellationToken);
    }

    public async Task<bool> ForwardAsync(string destination, CancellationToken cancellationToken)
    {
        var target = await ForwardTarget.ResolveAsync(owner, destination, cancellationToken).ConfigureAwait(false);
        return await call.AskAsync<bool>(request => new ForwardAsked(request, target.RequestUri, target.Destination, target.Reason), cancellationToken)
            .ConfigureAwait(false);
    }

    public Task HangupAsync(HangupReason reason, CancellationToken cancellationToken) =>
        call.AskAsync<bool>(request => new HangupAsked(request, reason), cancellationToken);
}
