using System.Globalization;
using Switchboard.Data;
using Switchboard.Server.Calls;
using Switchboard.Server.Components.Workspace;

namespace Switchboard.Server.Components.Calls;

/// <summary>How the call page says what happened to a call, in a supervisor's or an agent's words.</summary>
public static class CallWords
{
    /// <summary>How the call ended (its record's result), with why when the record says.</summary>
    public static string Result(string result, string? detail)
    {
        var words = result switch
        {
            "answeredFromQueue" => "Answered from a queue",
            "answeredByUser" => "Answered by a user",
            "forwarded" => "Forwarded",
            "forwardFailed" => "The transfer or forward failed",
            "hungUpByScenario" => "Ended by the scenario",
            "callerHungUp" => "The caller hung up",
            "notFound" => "The number is not ours",
            "refused" => "Refused: the caller is not allowed",
            "failed" => "Failed",
            CallRecord.InProgress => "In progress",
            CallRecord.Interrupted => "Interrupted: the server stopped without ending it",
            _ => result,
        };
        return detail is { Length: > 0 } && result != CallRecord.Interrupted ? $"{words} ({detail})" : words;
    }

    /// <summary>One step of the call's path as a sentence.</summary>
    public static string Step(CallStepView step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Kind switch
        {
            "started" => "The call came in",
            "enteredQueue" => $"Entered queue {step.QueueName}",
            "offered" => $"Offered to {step.UserName}: {Offer(step)}",
            "leftQueue" => $"Left queue {step.QueueName}: {LeftQueue(step)}",
            "connected" => $"{step.UserName} talked to the caller",
            "transferred" => $"{step.UserName} transferred the call to {Target(step)}",
            "agentLeft" => $"{step.UserName} left the call: {AgentLeft(step.Outcome)}",
            "ended" => $"The call ended: {Result(step.Outcome ?? "", step.Reason)}",
            _ => step.Kind,
        };
    }

    /// <summary>How an agent's part of the call ended.</summary>
    public static string AgentLeft(string? ending) => ending switch
    {
        "hungUp" => "the agent hung up",
        "callerHungUp" => "the caller hung up",
        "transferred" => "transferred",
        "failed" => "the call failed",
        CallRecordAgent.Interrupted => "the switchboard stopped under the call",
        _ => "not recorded",
    };

    private static string Offer(CallStepView step) => step.Outcome switch
    {
        "answered" => $"answered after {Duration(step.Seconds)}",
        "refused" => $"refused after {Duration(step.Seconds)}",
        "notAnswered" => $"not answered ({Duration(step.Seconds)})",
        "cancelled" => $"withdrawn after {Duration(step.Seconds)}, {OfferCancelled(step.Reason)}",
        _ => "no outcome recorded",
    };

    private static string OfferCancelled(string? reason) => reason switch
    {
        "answeredElsewhere" => "another agent answered",
        "callerHungUp" => "the caller hung up",
        "callTimedOut" => "the call waited its longest",
        "queueRemoved" => "the queue was removed",
        "agentNotReady" => "the agent left status Ready",
        "agentUnreachable" => "the agent's phone could not be reached",
        _ => "no answer",
    };

    private static string LeftQueue(CallStepView step) => step.Outcome switch
    {
        "answered" => $"answered by {step.UserName} after waiting {Duration(step.Seconds)}",
        "abandoned" => $"the caller hung up after waiting {Duration(step.Seconds)}",
        "timedOut" => $"nobody answered within its longest wait ({Duration(step.Seconds)})",
        "queueRemoved" => $"the queue was removed after {Duration(step.Seconds)}",
        "refusedQueueFull" => "refused, the queue was full",
        "refusedNoReadyAgent" => "refused, no agent was Ready",
        "refusedUnknownQueue" => "refused, no such queue",
        _ => $"{step.Outcome} after {Duration(step.Seconds)}",
    };

    private static string Target(CallStepView step) =>
        step.ToUserName ?? (step.ToQueueName is { } queue ? $"queue {queue}" : step.ToNumber ?? "an unknown target");

    /// <summary>A duration in seconds as the desk's clock shows it (m:ss).</summary>
    public static string Duration(double? seconds) =>
        seconds is { } known ? DeskWords.Clock(TimeSpan.FromSeconds(known)) : "an unknown time";

    /// <summary>A time in the viewer's zone, to the second.</summary>
    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
