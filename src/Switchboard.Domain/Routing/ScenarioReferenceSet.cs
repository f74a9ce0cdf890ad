namespace Switchboard.Domain.Routing;

/// <summary>
/// <see cref="IScenarioReferences"/> over configuration loaded once into memory: the ids of the saved sounds,
/// queues and users, and the saved scenarios themselves; SIP addresses are read by the SIP stack's grammar.
/// </summary>
public sealed class ScenarioReferenceSet : IScenarioReferences
{
    private readonly HashSet<Guid> _soundIds;
    private readonly HashSet<Guid> _queueIds;
    private readonly HashSet<Guid> _userIds;
    private readonly Dictionary<Guid, string> _scenarioNames;
    private readonly Dictionary<Guid, Guid[]> _goToTargets;
    private readonly ISipAddressSyntax _sipAddresses;

    public ScenarioReferenceSet(
        IEnumerable<Guid> soundIds,
        IEnumerable<Guid> queueIds,
        IEnumerable<Guid> userIds,
        IEnumerable<Scenario> scenarios,
        ISipAddressSyntax sipAddresses)
    {
        _sipAddresses = sipAddresses;
        _soundIds = [.. soundIds];
        _queueIds = [.. queueIds];
        _userIds = [.. userIds];
        var saved = scenarios.ToList();
        _scenarioNames = saved.ToDictionary(scenario => scenario.Id, scenario => scenario.Name);
        _goToTargets = saved.ToDictionary(scenario => scenario.Id, scenario => GoToTargets(scenario.Actions));
    }

    public bool SoundExists(Guid soundId) => _soundIds.Contains(soundId);

    public bool QueueExists(Guid queueId) => _queueIds.Contains(queueId);

    public bool UserExists(Guid userId) => _userIds.Contains(userId);

    public string? ScenarioName(Guid scenarioId) => _scenarioNames.GetValueOrDefault(scenarioId);

    public IReadOnlyCollection<Guid> GoToTargetsOf(Guid scenarioId) => _goToTargets.GetValueOrDefault(scenarioId) ?? [];

    public bool IsSipAddress(string destination) => _sipAddresses.IsSipAddress(destination);

    private static Guid[] GoToTargets(IEnumerable<ScenarioAction> actions) =>
        [.. actions.OfType<ConditionAction>().Select(action => action.Then).OfType<GoToScenarioOutcome>().Select(outcome => outcome.ScenarioId).Distinct()];
}
