using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Usages;

namespace Switchboard.Server.Admin.Scenarios;

/// <summary>
/// The scenarios: validated against what is saved (sounds, queues, users, other scenarios). Errors block
/// saving; warnings such as unreachable actions are kept in the view for the editor to show.
/// </summary>
public sealed class ScenarioAdmin(SwitchboardDbContext db, ConfigurationUsages usages, ISipAddressSyntax sipAddresses)
{
    public async Task<IReadOnlyList<ScenarioView>> ListAsync(CancellationToken cancellationToken)
    {
        var references = await LoadReferencesAsync(cancellationToken);
        var scenarios = await db.Scenarios.AsNoTracking().ToListAsync(cancellationToken);
        return [.. scenarios.OrderBy(scenario => scenario.Name, StringComparer.OrdinalIgnoreCase).Select(scenario => ToView(scenario, references))];
    }

    public async Task<ScenarioView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(scenario => scenario.Id == id, cancellationToken);
        return scenario is null ? null : ToView(scenario, await LoadReferencesAsync(cancellationToken));
    }

    /// <summary>
    /// Every issue the scenario would have if saved now, errors and warnings, for the editor to show beside each
    /// action while the admin edits. <paramref name="id"/> is null for a scenario not saved yet.
    /// </summary>
    public async Task<IReadOnlyList<ValidationIssue>> ValidateAsync(Guid? id, ScenarioInput input, CancellationToken cancellationToken)
    {
        var report = ScenarioValidator.Validate(input.Name, input.Actions, id, await LoadReferencesAsync(cancellationToken));
        var name = input.Name?.Trim() ?? "";
        if (report.Errors.Any(issue => issue.Field == "name") || !await NameTakenAsync(id, name, cancellationToken))
            return report.Issues;

        return [new ValidationIssue(null, "name", IssueSeverity.Error, $"A scenario named '{name}' already exists."), .. report.Issues];
    }

    public async Task<AdminResult<ScenarioView>> CreateAsync(ScenarioInput input, CancellationToken cancellationToken)
    {
        var issues = await ValidateAsync(null, input, cancellationToken);
        if (HasErrors(issues))
            return AdminResult<ScenarioView>.Invalid(ErrorsByField(issues));

        var scenario = new Scenario { Name = input.Name.Trim(), Actions = [.. input.Actions ?? []] };
        db.Scenarios.Add(scenario);
        var refused = await db.SaveOrCheckAgainAsync(token => ErrorsAsync(null, input, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<ScenarioView>.Invalid(refused);

        return AdminResult<ScenarioView>.Ok(new ScenarioView(scenario.Id, scenario.Name, scenario.Actions, issues));
    }

    public async Task<AdminResult<ScenarioView>> UpdateAsync(Guid id, ScenarioInput input, CancellationToken cancellationToken)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(scenario => scenario.Id == id, cancellationToken);
        if (scenario is null)
            return AdminResult<ScenarioView>.NotFound();

        var issues = await ValidateAsync(id, input, cancellationToken);
        if (HasErrors(issues))
            return AdminResult<ScenarioView>.Invalid(ErrorsByField(issues));

        scenario.Name = input.Name.Trim();
        scenario.Actions = [.. input.Actions ?? []];
        var refused = await db.SaveOrCheckAgainAsync(token => ErrorsAsync(id, input, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<ScenarioView>.Invalid(refused);

        return AdminResult<ScenarioView>.Ok(new ScenarioView(scenario.Id, scenario.Name, scenario.Actions, issues));
    }

    public async Task<AdminResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var scenario = await db.Scenarios.FirstOrDefaultAsync(scenario => scenario.Id == id, cancellationToken);
        if (scenario is null)
            return AdminResult<bool>.NotFound();

        var usedBy = await usages.UsagesOfScenarioAsync(id, cancellationToken);
        if (usedBy.Count > 0)
            return AdminResult<bool>.InUse(usedBy);

        db.Scenarios.Remove(scenario);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult<bool>.Ok(true);
    }

    private static ScenarioView ToView(Scenario scenario, IScenarioReferences references) =>
        new(scenario.Id, scenario.Name, scenario.Actions, ScenarioValidator.Validate(scenario, references).Issues);

    private async Task<Dictionary<string, string[]>> ErrorsAsync(Guid? id, ScenarioInput input, CancellationToken cancellationToken) =>
        ErrorsByField(await ValidateAsync(id, input, cancellationToken));

    private static bool HasErrors(IReadOnlyList<ValidationIssue> issues) => issues.Any(issue => issue.Severity == IssueSeverity.Error);

    private static Dictionary<string, string[]> ErrorsByField(IReadOnlyList<ValidationIssue> issues) =>
        new ValidationReport(issues).ErrorsByField().ToDictionary();

    private async Task<ScenarioReferenceSet> LoadReferencesAsync(CancellationToken cancellationToken) =>
        new(
            await db.Sounds.AsNoTracking().Select(sound => sound.Id).ToListAsync(cancellationToken),
            await db.Queues.AsNoTracking().Select(queue => queue.Id).ToListAsync(cancellationToken),
            await db.Users.AsNoTracking().Select(user => user.Id).ToListAsync(cancellationToken),
            await db.Scenarios.AsNoTracking().ToListAsync(cancellationToken),
            sipAddresses);

    private async Task<bool> NameTakenAsync(Guid? id, string name, CancellationToken cancellationToken)
    {
        // Compared in memory: case-insensitive comparison does not translate to SQL alike on SQLite and PostgreSQL,
        // and there are few names.
        var others = await db.Scenarios.AsNoTracking().Where(scenario => scenario.Id != id).Select(scenario => scenario.Name).ToListAsync(cancellationToken);
        return others.Any(other => string.Equals(other, name, StringComparison.OrdinalIgnoreCase));
    }
}
