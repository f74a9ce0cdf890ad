namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>
/// Walks incoming calls through their scenarios, one run per call. Shared by all calls; what one call has done
/// so far lives in that call's run.
/// </summary>
public sealed class ScenarioInterpreter(
    IScenarioSource scenarios,
    IQueueDirectory queues,
    IUserReadiness users,
    ConditionEvaluator conditions)
{
    /// <summary>
    /// Go-tos (and backward skips) one call may take before routing gives up: the validator refuses loops, but
    /// scenarios can be edited while a call runs through them.
    /// </summary>
    public const int MaxScenarioJumps = 50;

    /// <summary>
    /// Runs <paramref name="call"/> through <paramref name="scenario"/> from its first action until the call is
    /// answered, forwarded or hung up.
    /// </summary>
    /// <param name="call">The incoming call.</param>
    /// <param name="control">That call's controls.</param>
    /// <param name="scenario">The scenario of the dialled number.</param>
    /// <param name="callerHangup">Fires when the caller hangs up; the run then ends with <see cref="CallerHungUp"/>.</param>
    public Task<ScenarioRunResult> RunAsync(IncomingCall call, ICallControl control, Scenario scenario, CancellationToken callerHangup) =>
        RunAsync(call, CallVariables.ForIncomingCall(call), control, scenario, callerHangup);

    /// <summary>
    /// Runs <paramref name="call"/> through <paramref name="scenario"/> with variables its owner holds, so that they can
    /// be shown (to the agent's device, in live views) while the run changes them.
    /// </summary>
    /// <param name="call">The incoming call.</param>
    /// <param name="variables">The call's variables, usually <see cref="CallVariables.ForIncomingCall"/>.</param>
    /// <param name="control">That call's controls.</param>
    /// <param name="scenario">The scenario of the dialled number.</param>
    /// <param name="callerHangup">Fires when the caller hangs up; the run then ends with <see cref="CallerHungUp"/>.</param>
    public async Task<ScenarioRunResult> RunAsync(
        IncomingCall call, CallVariables variables, ICallControl control, Scenario scenario, CancellationToken callerHangup)
    {
        var run = new ScenarioRun(call, control, variables, scenarios, queues, users, conditions);
        var outcome = await run.RunAsync(scenario, callerHangup).ConfigureAwait(false);
        return new ScenarioRunResult(outcome, variables);
    }
}
