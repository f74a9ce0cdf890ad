using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Routing;

namespace Switchboard.Server.Admin.Numbers;

/// <summary>The phone numbers Switchboard answers, each bound to the scenario its calls run.</summary>
public sealed class NumberAdmin(SwitchboardDbContext db)
{
    public const int MaxLabelLength = 100;

    public async Task<IReadOnlyList<NumberView>> ListAsync(CancellationToken cancellationToken)
    {
        var numbers = await db.Numbers.AsNoTracking().ToListAsync(cancellationToken);
        var scenarioNames = await ScenarioNamesAsync(cancellationToken);
        return [.. numbers.OrderBy(number => number.Number, StringComparer.Ordinal).Select(number => ToView(number, scenarioNames))];
    }

    public async Task<NumberView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.AsNoTracking().FirstOrDefaultAsync(number => number.Id == id, cancellationToken);
        return number is null ? null : ToView(number, await ScenarioNamesAsync(cancellationToken));
    }

    public async Task<AdminResult<NumberView>> CreateAsync(NumberInput input, CancellationToken cancellationToken)
    {
        var scenarioNames = await ScenarioNamesAsync(cancellationToken);
        var (e164, errors) = await ValidateAsync(null, input, scenarioNames, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<NumberView>.Invalid(errors);

        var number = new InboundNumber { Number = e164, Label = input.Label?.Trim() ?? "", ScenarioId = input.ScenarioId };
        db.Numbers.Add(number);
        var refused = await db.SaveOrCheckAgainAsync(async token => (await ValidateAsync(null, input, scenarioNames, token)).Errors, cancellationToken);
        if (refused.Count > 0)
            return AdminResult<NumberView>.Invalid(refused);

        return AdminResult<NumberView>.Ok(ToView(number, scenarioNames));
    }

    public async Task<AdminResult<NumberView>> UpdateAsync(Guid id, NumberInput input, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.FirstOrDefaultAsync(number => number.Id == id, cancellationToken);
        if (number is null)
            return AdminResult<NumberView>.NotFound();

        var scenarioNames = await ScenarioNamesAsync(cancellationToken);
        var (e164, errors) = await ValidateAsync(id, input, scenarioNames, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<NumberView>.Invalid(errors);

        number.Number = e164;
        number.Label = input.Label?.Trim() ?? "";
        number.ScenarioId = input.ScenarioId;
        var refused = await db.SaveOrCheckAgainAsync(async token => (await ValidateAsync(id, input, scenarioNames, token)).Errors, cancellationToken);
        if (refused.Count > 0)
            return AdminResult<NumberView>.Invalid(refused);

        return AdminResult<NumberView>.Ok(ToView(number, scenarioNames));
    }

    public async Task<AdminResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var number = await db.Numbers.FirstOrDefaultAsync(number => number.Id == id, cancellationToken);
        if (number is null)
            return AdminResult<bool>.NotFound();

        db.Numbers.Remove(number);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult<bool>.Ok(true);
    }

    private static NumberView ToView(InboundNumber number, Dictionary<Guid, string> scenarioNames) =>
        new(number.Id, number.Number, number.Label, number.ScenarioId, scenarioNames.GetValueOrDefault(number.ScenarioId, ""));

    private async Task<(string E164, Dictionary<string, string[]> Errors)> ValidateAsync(
        Guid? id,
        NumberInput input,
        Dictionary<Guid, string> scenarioNames,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!E164.TryNormalize(input.Number, out var e164, out var numberError))
            errors["number"] = [numberError];
        else
        {
            var holder = await db.Numbers.AsNoTracking()
                .FirstOrDefaultAsync(number => number.Number == e164 && number.Id != id, cancellationToken);
            if (holder is not null)
                errors["number"] = [$"{e164} is already {Describe(holder, scenarioNames)}."];
        }

        if ((input.Label?.Trim().Length ?? 0) > MaxLabelLength)
            errors["label"] = [$"A label has at most {MaxLabelLength} characters."];

        if (!scenarioNames.ContainsKey(input.ScenarioId))
            errors["scenarioId"] = [input.ScenarioId == Guid.Empty ? "Choose the scenario this number runs." : "There is no such scenario."];

        return (e164, errors);
    }

    private static string Describe(InboundNumber holder, Dictionary<Guid, string> scenarioNames)
    {
        var label = holder.Label.Length > 0 ? $"labelled '{holder.Label}' and " : "";
        return $"{label}bound to scenario '{scenarioNames.GetValueOrDefault(holder.ScenarioId, "?")}'";
    }

    private async Task<Dictionary<Guid, string>> ScenarioNamesAsync(CancellationToken cancellationToken) =>
        await db.Scenarios.AsNoTracking()
            .Select(scenario => new { scenario.Id, scenario.Name })
            .ToDictionaryAsync(scenario => scenario.Id, scenario => scenario.Name, cancellationToken);
}
