using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>
/// The scenario being edited: its name and actions as the editor's fields hold them (text, so a bad entry reaches
/// validation and is named beside its action rather than lost).
/// </summary>
public sealed class ScenarioForm
{
    public string Name { get; set; } = "";

    public List<ScenarioActionForm> Actions { get; set; } = [];

    public static ScenarioForm From(ScenarioView scenario) => new()
    {
        Name = scenario.Name,
        Actions = [.. scenario.Actions.Select(ScenarioActionForm.From)],
    };

    public ScenarioInput ToInput() => new(Name, [.. Actions.Select(action => action.ToAction())]);

    /// <summary>Moves an action by one place; skip targets follow the actions they point at.</summary>
    public void Move(int index, int offset)
    {
        var other = index + offset;
        if (index < 0 || other < 0 || index >= Actions.Count || other >= Actions.Count)
            return;

        (Actions[index], Actions[other]) = (Actions[other], Actions[index]);
        var (moved, swapped) = (ScenarioActionNumber.Of(index), ScenarioActionNumber.Of(other));
        RenumberSkipTargets(number => number == moved ? swapped : number == swapped ? moved : number);
    }

    /// <summary>Removes an action; skips to it become unset, skips past it keep their target.</summary>
    public void Remove(int index)
    {
        if (index < 0 || index >= Actions.Count)
            return;

        Actions.RemoveAt(index);
        var removed = ScenarioActionNumber.Of(index);
        RenumberSkipTargets(number => number == removed ? null : number > removed ? number - 1 : number);
    }

    private void RenumberSkipTargets(Func<int, int?> renumber)
    {
        foreach (var outcome in Actions.Where(a => a.Kind == ScenarioActionKind.Condition).Select(a => a.Then))
        {
            if (PostedValue.Number(outcome.SkipToAction) is { } number)
                outcome.SkipToAction = PostedValue.Of(renumber(number));
        }
    }
}
