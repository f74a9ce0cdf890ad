namespace Switchboard.Domain.Routing;

/// <summary>What a scenario may refer to, as saved: looked up while validating a scenario.</summary>
public interface IScenarioReferences
{
    bool SoundExists(Guid soundId);

    bool QueueExists(Guid queueId);

    bool UserExists(Guid userId);

    /// <summary>The name of the saved scenario with this id, or null when there is none.</summary>
    string? ScenarioName(Guid scenarioId);

    /// <summary>The scenarios a saved scenario may go to, to detect go-to loops.</summary>
    IReadOnlyCollection<Guid> GoToTargetsOf(Guid scenarioId);

    /// <summary>Whether a forward destination written as a SIP address is one (see <see cref="ISipAddressSyntax"/>).</summary>
    bool IsSipAddress(string destination);
}
