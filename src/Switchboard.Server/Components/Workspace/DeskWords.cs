using System.Globalization;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Server.Workspace;
using Switchboard.Telephony;

namespace Switchboard.Server.Components.Workspace;

/// <summary>How the desk says what happened, in the agent's words.</summary>
public static class DeskWords
{
    public static string Status(AgentStatus status) => status switch
    {
        AgentStatus.Ready => "Ready",
        AgentStatus.BackSoon => "Back soon",
        _ => "Not available",
    };

    public static string Activity(AgentActivity activity) => activity switch
    {
        AgentActivity.Offered => "Ringing",
        AgentActivity.OnCall => "On call",
        AgentActivity.WrapUp => "Wrap-up",
        _ => "Idle",
    };

    /// <summary>Why an offer stopped ringing (the reason of <c>ringingStopped</c>).</summary>
    public static string RingingStopped(RingingStopReason reason) => reason switch
    {
        RingingStopReason.AnsweredElsewhere => "Taken by another agent",
        RingingStopReason.CallerHungUp => "Caller hung up",
        RingingStopReason.NoAnswer => "Not answered",
        RingingStopReason.Refused => "Refused",
        RingingStopReason.Failed => "Could not ring your phone",
        _ => "The call stopped ringing",
    };

    /// <summary>Why the agent left a call (the reason of <c>callLeft</c>).</summary>
    public static string Left(UserLeftReason reason) => "Call ended: " + reason switch
    {
        UserLeftReason.HungUp => "You hung up",
        UserLeftReason.CallerHungUp => "Caller hung up",
        UserLeftReason.Transferred => "Transferred",
        _ => "The call failed",
    };

    /// <summary>
    /// A call the desk showed before it went away (a reload, a lost connection, a server restart) that is over now:
    /// with whom, and why when its record says.
    /// </summary>
    public static string Lost(string caller, CallEndView? end) => $"Your call with {caller} ended while this page was away: " + end switch
    {
        { Result: CallRecord.Interrupted } => "the switchboard stopped without ending it.",
        { Result: "failed", Detail: BackToBackUserAgent.ServerStoppedDetail } => "the switchboard restarted.",
        { AgentEnding: "callerHungUp" } or { Result: "callerHungUp" } => "the caller hung up.",
        { AgentEnding: "hungUp" } => "you hung up.",
        { AgentEnding: "transferred" } => "it was transferred.",
        { AgentEnding: "failed" } or { Result: "failed" } => "the call failed.",
        null => "the switchboard restarted before recording it.",
        _ => "it is over.",
    };

    /// <summary>How long ago, in the agent's words whatever their time zone: "just now", "5 min ago", "3 h ago", "2 days ago".</summary>
    public static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min ago"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours} h ago"),
        { TotalDays: < 2 } => "yesterday",
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalDays} days ago"),
    };

    /// <summary>A duration as m:ss, or h:mm:ss from an hour on.</summary>
    public static string Clock(TimeSpan duration)
    {
        var whole = (long)Math.Max(0, Math.Floor(duration.TotalSeconds));
        var (hours, minutes, seconds) = (whole / 3600, whole % 3600 / 60, whole % 60);
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:00}:{seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}:{seconds:00}");
    }
}
