namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>Tests that watch the whole process (every exception it throws) run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
