using System.Text.RegularExpressions;

namespace Switchboard.Domain.Routing;

/// <summary>
/// Checks one scenario against the rules and against what exists, and reports per action. Errors
/// (<see cref="IssueSeverity.Error"/>) block saving; warnings, such as actions that can never be reached,
/// are shown to the user but do not.
/// </summary>
public sealed partial class ScenarioValidator
{
    public const int MaxNameLength = 100;
    public const int MaxVariableValueLength = 1000;
    public const int MaxWaitingCallsThreshold = 10000;

    private const string UnreachableAfterStop = "Unreachable: the action before it never falls through";
    private const string UnreachableAfterUnreachable = "Unreachable: the action before it is never reached either";

    private readonly IReadOnlyList<ScenarioAction?> _actions;
    private readonly Guid? _scenarioId;
    private readonly IScenarioReferences _references;
    private readonly List<ValidationIssue> _issues = [];

    private ScenarioValidator(IReadOnlyList<ScenarioAction?> actions, Guid? scenarioId, IScenarioReferences references)
    {
        _actions = actions;
        _scenarioId = scenarioId;
        _references = references;
    }

    /// <summary>Validates a scenario as it would be saved; a new scenario already carries the id it will be saved with.</summary>
    public static ValidationReport Validate(Scenario scenario, IScenarioReferences references) =>
        Validate(scenario.Name, scenario.Actions, scenario.Id, references);

    /// <param name="name">The scenario's name.</param>
    /// <param name="actions">Its actions, in order.</param>
    /// <param name="scenarioId">Its own id; null when it is new (then nothing can go to it yet).</param>
    /// <param name="references">What exists, as saved.</param>
    public static ValidationReport Validate(
        string? name,
        IReadOnlyList<ScenarioAction?>? actions,
        Guid? scenarioId,
        IScenarioReferences references)
    {
        var validator = new ScenarioValidator(actions ?? [], scenarioId, references);
        validator.CheckName(name);
        validator.CheckActions();
        validator.CheckReachability();
        return new ValidationReport(validator._issues);
    }

    private void CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            Error(null, "name", "Enter a name");
        else if (name.Length > MaxNameLength)
            Error(null, "name", $"Too long: a name has at most {MaxNameLength} characters");
    }

    private void CheckActions()
    {
        if (_actions.Count == 0)
            Error(null, "actions", "Add at least one action");

        for (var index = 0; index < _actions.Count; index++)
            CheckAction(index, _actions[index]);
    }

    private void CheckAction(int index, ScenarioAction? action)
    {
        switch (action)
        {
            case null:
                Error(index, Field(index, ""), "Choose what this action does");
                break;
            case PlaySoundAction play:
                CheckSound(index, "soundId", play.SoundId);
                CheckRange(index, "repeat", play.Repeat, 1, 100, "Repeat the sound 1 to 100 times");
                break;
            case QueueAction queue:
                CheckQueue(index, "queueId", queue.QueueId);
                CheckRange(index, "priority", queue.Priority, 0, 100, "Priority is from 0 to 100");
                if (queue.MaxWaitSeconds is { } maxWait)
                    CheckRange(index, "maxWaitSeconds", maxWait, 1, 86400, "Maximum wait is 1 to 86400 seconds (24 hours), or empty for the queue's own");
                break;
            case CallUserAction callUser:
                CheckUser(index, "userId", callUser.UserId);
                CheckRange(index, "ringSeconds", callUser.RingSeconds, 5, 300, "Ring for 5 to 300 seconds");
                break;
            case ForwardAction forward:
                CheckDestination(index, "destination", forward.Destination);
                break;
            case ConditionAction condition:
                CheckCondition(index, condition.When);
                CheckOutcome(index, condition.Then);
                break;
            case SetVariableAction setVariable:
                CheckVariableName(index, "name", setVariable.Name);
                CheckVariableValue(index, "value", setVariable.Value);
                break;
            case AnswerAction or HangupAction:
                break;
        }
    }

    private void CheckCondition(int index, ScenarioCondition? when)
    {
        switch (when)
        {
            case null:
                Error(index, Field(index, "when"), "Choose a condition");
                break;
            case ScheduleCondition schedule:
                CheckTimeZone(index, schedule.TimeZone);
                CheckWeeklyHours(index, schedule.Hours);
                break;
            case HolidayCondition holiday:
                CheckTimeZone(index, holiday.TimeZone);
                if (holiday.Dates is not { Count: > 0 })
                    Error(index, Field(index, "when.dates"), "Add at least one date");
                break;
            case CallerNumberCondition callerNumber:
                if (!CallerNumberPattern.TryParse(callerNumber.Pattern, out _, out var patternError))
                    Error(index, Field(index, "when.pattern"), patternError);
                break;
            case NoReadyAgentsCondition noReadyAgents:
                CheckQueue(index, "when.queueId", noReadyAgents.QueueId);
                break;
            case QueueLoadCondition queueLoad:
                CheckQueueLoad(index, queueLoad);
                break;
            case VariableEqualsCondition variableEquals:
                CheckVariableName(index, "when.name", variableEquals.Name);
                CheckVariableValue(index, "when.value", variableEquals.Value);
                break;
        }
    }

    private void CheckQueueLoad(int index, QueueLoadCondition queueLoad)
    {
        CheckQueue(index, "when.queueId", queueLoad.QueueId);
        if (queueLoad is { WaitingCallsAtLeast: null, EstimatedWaitSecondsAtLeast: null })
            Error(index, Field(index, "when.waitingCallsAtLeast"), "Enter a number of waiting calls, an estimated wait, or both");
        if (queueLoad.WaitingCallsAtLeast is { } calls)
            CheckRange(index, "when.waitingCallsAtLeast", calls, 1, MaxWaitingCallsThreshold, $"Waiting calls are from 1 to {MaxWaitingCallsThreshold}");
        if (queueLoad.EstimatedWaitSecondsAtLeast is { } seconds)
            CheckRange(index, "when.estimatedWaitSecondsAtLeast", seconds, 1, 86400, "Estimated wait is 1 to 86400 seconds (24 hours)");
    }

    private void CheckWeeklyHours(int index, IReadOnlyList<WeeklyHours?>? hours)
    {
        if (hours is not { Count: > 0 })
        {
            Error(index, Field(index, "when.hours"), "Add at least one range of hours");
            return;
        }

        for (var h = 0; h < hours.Count; h++)
        {
            var range = hours[h];
            var prefix = $"when.hours[{h}]";
            if (range is null)
                Error(index, Field(index, prefix), "Choose days and hours");
            else
            {
                if (range.Days is not { Count: > 0 })
                    Error(index, Field(index, prefix + ".days"), "Choose at least one day");
                else if (!range.Days.All(Enum.IsDefined))
                    Error(index, Field(index, prefix + ".days"), "Choose days of the week");
                if (range.From >= range.To)
                    Error(index, Field(index, prefix + ".to"), "The end must be after the start");
            }
        }
    }

    private void CheckOutcome(int index, ConditionOutcome? then)
    {
        switch (then)
        {
            case null:
                Error(index, Field(index, "then"), "Choose what happens when the condition holds");
                break;
            case SkipToOutcome skipTo when skipTo.ActionIndex <= index:
                Error(index, Field(index, "then.actionIndex"), "Skip to an action after this one");
                break;
            case SkipToOutcome skipTo when skipTo.ActionIndex >= _actions.Count:
                Error(index, Field(index, "then.actionIndex"), "Skip to an action of this scenario: there is none that far");
                break;
            case GoToScenarioOutcome goTo:
                CheckGoTo(index, goTo.ScenarioId);
                break;
            case ForwardOutcome forward:
                CheckDestination(index, "then.destination", forward.Destination);
                break;
        }
    }

    private void CheckGoTo(int index, Guid targetId)
    {
        var field = Field(index, "then.scenarioId");
        if (targetId == Guid.Empty)
            Error(index, field, "Choose a scenario");
        else if (targetId == _scenarioId)
            Error(index, field, "A scenario cannot go to itself");
        else if (_references.ScenarioName(targetId) is not { } targetName)
            Error(index, field, "Scenario not found");
        else if (LeadsBackHere(targetId))
            Error(index, field, $"Going to '{targetName}' loops back to this scenario");
    }

    // Follows the go-to edges of the saved scenarios from the target; this scenario's own saved edges are
    // never followed, as the actions being validated replace them.
    private bool LeadsBackHere(Guid targetId)
    {
        if (_scenarioId is not { } self)
            return false;

        var seen = new HashSet<Guid>();
        var pending = new Stack<Guid>([targetId]);
        while (pending.TryPop(out var scenarioId))
        {
            if (scenarioId == self)
                return true;
            if (!seen.Add(scenarioId))
                continue;
            foreach (var next in _references.GoToTargetsOf(scenarioId))
                pending.Push(next);
        }

        return false;
    }

    // A call walks the actions from the first. Forward and hangup end the scenario; every other action can
    // fall through to the next (a condition whenever its test does not hold); a skip adds a jump forward.
    private void CheckReachability()
    {
        var reachable = new bool[_actions.Count];
        if (reachable.Length == 0)
            return;

        reachable[0] = true;
        for (var index = 0; index < _actions.Count; index++)
        {
            if (!reachable[index])
                continue;

            var action = _actions[index];
            if (action is not (ForwardAction or HangupAction) && index + 1 < _actions.Count)
                reachable[index + 1] = true;
            if (action is ConditionAction { Then: SkipToOutcome skipTo } && skipTo.ActionIndex > index && skipTo.ActionIndex < _actions.Count)
                reachable[skipTo.ActionIndex] = true;
        }

        for (var index = 1; index < _actions.Count; index++)
        {
            if (!reachable[index])
                Warning(index, Field(index, ""), reachable[index - 1] ? UnreachableAfterStop : UnreachableAfterUnreachable);
        }
    }

    private void CheckSound(int index, string path, Guid soundId)
    {
        if (soundId == Guid.Empty)
            Error(index, Field(index, path), "Choose a sound");
        else if (!_references.SoundExists(soundId))
            Error(index, Field(index, path), "Sound not found");
    }

    private void CheckQueue(int index, string path, Guid queueId)
    {
        if (queueId == Guid.Empty)
            Error(index, Field(index, path), "Choose a queue");
        else if (!_references.QueueExists(queueId))
            Error(index, Field(index, path), "Queue not found");
    }

    private void CheckUser(int index, string path, Guid userId)
    {
        if (userId == Guid.Empty)
            Error(index, Field(index, path), "Choose a user");
        else if (!_references.UserExists(userId))
            Error(index, Field(index, path), "User not found");
    }

    private void CheckRange(int index, string path, int value, int min, int max, string message)
    {
        if (value < min || value > max)
            Error(index, Field(index, path), message);
    }

    private void CheckDestination(int index, string path, string? destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
            Error(index, Field(index, path), "Enter a number, e.g. +14155550123, or a SIP address, e.g. sip:alice@example.com");
        else if (destination.TrimStart().StartsWith("sip", StringComparison.OrdinalIgnoreCase))
        {
            if (!_references.IsSipAddress(destination))
                Error(index, Field(index, path), "Enter a SIP address as sip:user@host or sip:user@host:port, e.g. sip:alice@example.com");
        }
        else if (!E164.TryNormalize(destination, out _, out var numberError))
            Error(index, Field(index, path), numberError);
    }

    private void CheckTimeZone(int index, string? timeZone)
    {
        var field = Field(index, "when.timeZone");
        if (string.IsNullOrWhiteSpace(timeZone))
            Error(index, field, "Choose a time zone");
        else if (!IsIanaTimeZone(timeZone))
            Error(index, field, $"Unknown time zone '{timeZone}': use a name such as Europe/Paris or America/New_York");
    }

    // Windows zone ids resolve on some systems too; only IANA ids are portable between servers.
    private static bool IsIanaTimeZone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId;

    private void CheckVariableName(int index, string path, string? name)
    {
        if (name is null || !VariableName().IsMatch(name))
            Error(index, Field(index, path), "A variable name starts with a letter or '_' and has up to 64 letters, digits, '_', '.' or '-'");
    }

    private void CheckVariableValue(int index, string path, string? value)
    {
        if (value is { Length: > MaxVariableValueLength })
            Error(index, Field(index, path), $"Too long: a value has at most {MaxVariableValueLength} characters");
    }

    private static string Field(int index, string path) => ScenarioActionNumber.Field(index, path);

    private void Error(int? index, string field, string message) =>
        _issues.Add(new ValidationIssue(index, field, IssueSeverity.Error, message) { Subject = Subject(index) });

    private void Warning(int index, string field, string message) =>
        _issues.Add(new ValidationIssue(index, field, IssueSeverity.Warning, message) { Subject = Subject(index) });

    // An action's issues name it as the editor shows it, whatever field they are about.
    private string? Subject(int? index) => index is not { } at
        ? null
        : ScenarioActionNumber.Name(at, _actions[at] is { } action ? ScenarioActionKinds.Of(action) : null);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]{0,63}\z")]
    private static partial Regex VariableName();
}
