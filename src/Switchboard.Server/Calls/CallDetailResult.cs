namespace Switchboard.Server.Calls;

/// <summary>A call's detail when <see cref="Outcome"/> is <see cref="CallDetailOutcome.Found"/>, else null.</summary>
public sealed record CallDetailResult(CallDetailOutcome Outcome, CallDetailView? Detail = null);
