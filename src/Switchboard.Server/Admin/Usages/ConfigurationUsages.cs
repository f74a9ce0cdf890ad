using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Routing;

namespace Switchboard.Server.Admin.Usages;

/// <summary>
/// Where a piece of configuration is used, in words an admin can act on ("Scenario 'Main', Action 3 (Send to queue)"),
/// so a delete can be refused instead of leaving a scenario or queue pointing at nothing. Actions are named as the
/// editor shows them (<see cref="ScenarioActionNumber"/>).
/// </summary>
public sealed class ConfigurationUsages(SwitchboardDbContext db)
{
    public async Task<IReadOnlyList<string>> UsagesOfSoundAsync(Guid soundId, CancellationToken cancellationToken)
    {
        var usages = await ScenarioActionsWhereAsync(action => action is PlaySoundAction play && play.SoundId == soundId, cancellationToken);
        var queues = await db.Queues.AsNoTracking()
            .Where(queue => queue.MusicOnHoldSoundId == soundId)
            .Select(queue => queue.Name)
            .ToListAsync(cancellationToken);
        usages.AddRange(queues.Order(StringComparer.Ordinal).Select(name => $"Queue '{name}', music on hold"));
        return usages;
    }

    public async Task<IReadOnlyList<string>> UsagesOfQueueAsync(Guid queueId, CancellationToken cancellationToken) =>
        await ScenarioActionsWhereAsync(
            action => action is QueueAction queue && queue.QueueId == queueId
                || action is ConditionAction { When: NoReadyAgentsCondition noReadyAgents } && noReadyAgents.QueueId == queueId
                || action is ConditionAction { When: QueueLoadCondition queueLoad } && queueLoad.QueueId == queueId,
            cancellationToken);

    public async Task<IReadOnlyList<string>> UsagesOfUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var usages = await ScenarioActionsWhereAsync(action => action is CallUserAction call && call.UserId == userId, cancellationToken);
        var queues = await db.Queues.AsNoTracking()
            .Where(queue => queue.Members.Any(member => member.UserId == userId))
            .Select(queue => queue.Name)
            .ToListAsync(cancellationToken);
        usages.AddRange(queues.Order(StringComparer.Ordinal).Select(name => $"Queue '{name}', member"));
        return usages;
    }

    public async Task<IReadOnlyList<string>> UsagesOfScenarioAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        var numbers = await db.Numbers.AsNoTracking()
            .Where(number => number.ScenarioId == scenarioId)
            .ToListAsync(cancellationToken);
        var usages = numbers
            .OrderBy(number => number.Number, StringComparer.Ordinal)
            .Select(number => number.Label.Length > 0 ? $"Number {number.Number} '{number.Label}'" : $"Number {number.Number}")
            .ToList();
        usages.AddRange(await ScenarioActionsWhereAsync(
            action => action is ConditionAction { Then: GoToScenarioOutcome goTo } && goTo.ScenarioId == scenarioId,
            cancellationToken,
            exceptScenarioId: scenarioId));
        return usages;
    }

    // Actions are stored with their scenario, so scenarios are read whole and searched in memory;
    // configuration is small and a delete is rare.
    private async Task<List<string>> ScenarioActionsWhereAsync(
        Func<ScenarioAction, bool> uses,
        CancellationToken cancellationToken,
        Guid? exceptScenarioId = null)
    {
        var scenarios = await db.Scenarios.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. scenarios
                .Where(scenario => scenario.Id != exceptScenarioId)
                .OrderBy(scenario => scenario.Name, StringComparer.Ordinal)
                .SelectMany(scenario => scenario.Actions
                    .Select((action, index) => (action, index))
                    .Where(step => uses(step.action))
                    .Select(step => $"Scenario '{scenario.Name}', {ScenarioActionNumber.Name(step.index, ScenarioActionKinds.Of(step.action))}")),
        ];
    }
}
