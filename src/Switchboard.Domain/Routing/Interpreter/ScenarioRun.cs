using System.Diagnostics;
using System.Globalization;

namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>One call's walk through its scenarios: where it is, whether it was answered, how often it jumped.</summary>
internal sealed class ScenarioRun(
    IncomingCall call,
    ICallControl control,
    CallVariables variables,
    IScenarioSource scenarios,
    IQueueDirectory queues,
    IUserReadiness users,
    ConditionEvaluator conditions)
{
    // The actions are copied on entering a scenario, so an edit saved meanwhile cannot shift them under the call.
    private ScenarioAction[] _actions = [];
    private int _next;
    private int _jumps;
    private bool _answered;

    public async Task<ScenarioRunOutcome> RunAsync(Scenario scenario, CancellationToken callerHangup)
    {
        try
        {
            Enter(scenario);
            while (_next < _actions.Length)
            {
                callerHangup.ThrowIfCancellationRequested();
                var action = _actions[_next++];
                if (await DoAsync(action, callerHangup).ConfigureAwait(false) is { } outcome)
                    return outcome;
            }

            return await HangUpAsync(HangupReason.EndOfScenario, callerHangup).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (callerHangup.IsCancellationRequested)
        {
            return new CallerHungUp();
        }
    }

    private void Enter(Scenario scenario)
    {
        _actions = [.. scenario.Actions];
        _next = 0;
        variables.Set(CallVariableNames.ScenarioName, scenario.Name);
    }

    /// <returns>How the run ended, or null to carry on with the action at <see cref="_next"/>.</returns>
    private async Task<ScenarioRunOutcome?> DoAsync(ScenarioAction action, CancellationToken callerHangup)
    {
        switch (action)
        {
            case PlaySoundAction play:
                await AnswerOnceAsync(callerHangup).ConfigureAwait(false);
                await control.PlaySoundAsync(play.SoundId, play.Repeat, callerHangup).ConfigureAwait(false);
                return null;
            case QueueAction queue:
                return await QueueAsync(queue, callerHangup).ConfigureAwait(false);
            case CallUserAction callUser:
                // Only Ready users receive calls; the action may ring a user whatever their status, when it says so.
                if (!callUser.RingWhenNotReady && !users.IsReady(callUser.UserId))
                    return null;
                var answer = await control.CallUserAsync(callUser.UserId, callUser.RingSeconds, variables, callerHangup).ConfigureAwait(false);
                return answer == CallUserResult.Answered ? new AnsweredByUser(callUser.UserId) : null;
            case ForwardAction forward:
                return await ForwardAsync(forward.Destination, callerHangup).ConfigureAwait(false);
            case ConditionAction condition:
                return conditions.Holds(condition.When, call.CallerNumber, variables)
                    ? await FollowAsync(condition.Then, callerHangup).ConfigureAwait(false)
                    : null;
            case SetVariableAction setVariable:
                variables.Set(setVariable.Name, setVariable.Value);
                return null;
            case AnswerAction:
                await AnswerOnceAsync(callerHangup).ConfigureAwait(false);
                return null;
            case HangupAction:
                return await HangUpAsync(HangupReason.ByScenario, callerHangup).ConfigureAwait(false);
            default:
                throw new UnreachableException($"No step for action {action.GetType().Name}");
        }
    }

    private async Task<ScenarioRunOutcome?> QueueAsync(QueueAction action, CancellationToken callerHangup)
    {
        // A queue removed since the scenario was saved is passed over, as the ACD would refuse the call anyway.
        if (queues.Find(action.QueueId) is not { } queue)
            return null;

        variables.Set(CallVariableNames.QueueName, queue.Name);
        // The call answers for the music only once the queue has taken it: a full queue refuses a caller still unanswered.
        var result = await control.WaitInQueueAsync(action.QueueId, action.Priority, action.MaxWaitSeconds, queue.PlaysMusicOnHold, variables, callerHangup)
            .ConfigureAwait(false);
        variables.Set(CallVariableNames.QueueWaitSeconds, ((long)result.Waited.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return result is AnsweredInQueue answered ? new AnsweredFromQueue(action.QueueId, answered.AgentId) : null;
    }

    /// <summary>Does what a condition that holds says.</summary>
    private async Task<ScenarioRunOutcome?> FollowAsync(ConditionOutcome then, CancellationToken callerHangup)
    {
        switch (then)
        {
            case ContinueOutcome:
                return null;
            case SkipToOutcome skipTo:
                // Only a backward skip can loop; the validator refuses those, but data may be saved around it.
                if (skipTo.ActionIndex < _next && !TryJump())
                    return await HangUpAsync(HangupReason.TooManyScenarioJumps, callerHangup).ConfigureAwait(false);
                _next = skipTo.ActionIndex;
                return null;
            case GoToScenarioOutcome goTo:
                if (!TryJump())
                    return await HangUpAsync(HangupReason.TooManyScenarioJumps, callerHangup).ConfigureAwait(false);
                if (scenarios.Find(goTo.ScenarioId) is not { } scenario)
                    return await HangUpAsync(HangupReason.ScenarioNotFound, callerHangup).ConfigureAwait(false);
                Enter(scenario);
                return null;
            case ForwardOutcome forward:
                return await ForwardAsync(forward.Destination, callerHangup).ConfigureAwait(false);
            case HangupOutcome:
                return await HangUpAsync(HangupReason.ByScenario, callerHangup).ConfigureAwait(false);
            default:
                throw new UnreachableException($"No step for outcome {then.GetType().Name}");
        }
    }

    /// <summary>Answered, the call leaves the scenario; a forward that failed falls through to the next action.</summary>
    private async Task<ScenarioRunOutcome?> ForwardAsync(string destination, CancellationToken callerHangup)
    {
        var target = Canonical(destination);
        return await control.ForwardAsync(target, callerHangup).ConfigureAwait(false) ? new Forwarded(target) : null;
    }

    private async Task<ScenarioRunOutcome> HangUpAsync(HangupReason reason, CancellationToken callerHangup)
    {
        await control.HangupAsync(reason, callerHangup).ConfigureAwait(false);
        return new HungUp(reason);
    }

    private async Task AnswerOnceAsync(CancellationToken callerHangup)
    {
        if (_answered)
            return;

        await control.AnswerAsync(callerHangup).ConfigureAwait(false);
        _answered = true;
    }

    private bool TryJump() => ++_jumps <= ScenarioInterpreter.MaxScenarioJumps;

    // Destinations are saved as typed ("+44 20 7946 0958"); telephony gets a number in its canonical form, and a SIP
    // address trimmed, for the SIP stack's grammar to read.
    private static string Canonical(string destination) => E164.Normalize(destination) ?? destination.Trim();
}
