namespace Switchboard.Server.Crm;

/// <summary>A timeline's call as its record has it: where it came in, who talked on it, for how long, and how they wrapped it up.</summary>
/// <param name="Direction"><c>incoming</c>: every recorded call came in (agents do not dial out yet).</param>
/// <param name="TalkedSeconds">From its answer to its end; null when nobody answered.</param>
/// <param name="Agents">Everyone who talked to the caller, in order.</param>
public sealed record TimelineCallView(string Direction, string? QueueName, int? TalkedSeconds, IReadOnlyList<TimelineAgentView> Agents);
