namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>
/// What a scenario asks of the one call it runs; implemented by telephony per call. Each method returns when the
/// request is done (the sound played, the user answered or gave up); the token fires when the caller hangs up.
/// </summary>
public interface ICallControl
{
    /// <summary>Answers the caller's leg, so that media can flow.</summary>
    Task AnswerAsync(CancellationToken cancellationToken);

    /// <summary>Plays a sound to the caller <paramref name="repeat"/> times in a row.</summary>
    Task PlaySoundAsync(Guid soundId, int repeat, CancellationToken cancellationToken);

    /// <summary>Rings a user's devices for up to <paramref name="ringSeconds"/>; answered, the caller is connected to them.</summary>
    Task<CallUserResult> CallUserAsync(Guid userId, int ringSeconds, IReadOnlyCallVariables variables, CancellationToken cancellationToken);

    /// <summary>
    /// Puts the call in a distribution queue and returns how its stay ended: answered by an agent (the call leaves the
    /// scenario) or left unanswered (the scenario falls through). The caller hanging up cancels the wait.
    /// </summary>
    /// <param name="queueId">The queue.</param>
    /// <param name="priority">Higher is served first within the queue.</param>
    /// <param name="maxWaitSeconds">This action's limit, or null for the queue's own.</param>
    /// <param name="musicOnHold">
    /// Whether the caller is answered to hear the queue's music while waiting, once the queue has taken the call (a
    /// queue that refuses it leaves a caller not answered before unanswered).
    /// </param>
    /// <param name="variables">Shown to the agents the call is offered to.</param>
    /// <param name="cancellationToken">Fires when the caller hangs up.</param>
    Task<QueueWaitResult> WaitInQueueAsync(
        Guid queueId, int priority, int? maxWaitSeconds, bool musicOnHold, IReadOnlyCallVariables variables, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the call to an E.164 number (through a trunk) or a SIP URI. True when the target answered: the caller talks
    /// to them and routing is over; false when it could not be reached, refused or did not answer.
    /// </summary>
    Task<bool> ForwardAsync(string destination, CancellationToken cancellationToken);

    /// <summary>Ends the call from the switchboard's side.</summary>
    Task HangupAsync(HangupReason reason, CancellationToken cancellationToken);
}
