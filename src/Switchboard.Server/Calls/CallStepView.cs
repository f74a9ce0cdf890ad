namespace Switchboard.Server.Calls;

/// <summary>
/// One step of a call's path. <paramref name="Kind"/> says which, and which facts it has:
/// <c>started</c>; <c>enteredQueue</c> (queue); <c>offered</c> (queue, user, offer's outcome, seconds it rang, reason
/// when cancelled); <c>leftQueue</c> (queue, outcome, seconds waited, reason when refused); <c>connected</c> (user);
/// <c>transferred</c> (user who did, and the target: user, queue or number); <c>agentLeft</c> (user, how in outcome);
/// <c>ended</c> (the call's result in outcome, and why in reason).
/// </summary>
/// <param name="Outcome">
/// For an offer: <c>answered</c>, <c>refused</c>, <c>notAnswered</c> (rang out or could not ring), <c>cancelled</c>
/// (withdrawn, see reason), or null when none was recorded. For leaving a queue: <c>answered</c>, <c>abandoned</c>,
/// <c>timedOut</c>, <c>refusedQueueFull</c>... For an agent leaving: <c>hungUp</c>, <c>callerHungUp</c>,
/// <c>transferred</c>, <c>failed</c>.
/// </param>
/// <param name="Seconds">How long an offer rang, or a call waited in the queue.</param>
public sealed record CallStepView(
    DateTimeOffset At,
    string Kind,
    Guid? QueueId = null,
    string? QueueName = null,
    Guid? UserId = null,
    string? UserName = null,
    string? Outcome = null,
    double? Seconds = null,
    string? Reason = null,
    Guid? ToUserId = null,
    string? ToUserName = null,
    Guid? ToQueueId = null,
    string? ToQueueName = null,
    string? ToNumber = null);
