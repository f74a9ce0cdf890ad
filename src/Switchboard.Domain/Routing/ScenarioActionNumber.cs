namespace Switchboard.Domain.Routing;

/// <summary>
/// How a scenario's actions are numbered. People count from 1, the API's fields from 0: the action shown as
/// "Action 7" is <c>actions[6]</c>. The editor, the API's errors and the messages that name an action all say it
/// through this class, so they never disagree.
/// </summary>
public static class ScenarioActionNumber
{
    /// <summary>The number people see for the action at <paramref name="index"/> (zero-based): index 6 is action 7.</summary>
    public static int Of(int index) => index + 1;

    /// <summary>The zero-based index of the action people call <paramref name="number"/>: action 7 is index 6.</summary>
    public static int IndexOf(int number) => number - 1;

    /// <summary>The API's key of the action or one of its fields: <c>actions[6]</c>, <c>actions[6].queueId</c>.</summary>
    public static string Field(int index, string path = "") =>
        path.Length == 0 ? $"actions[{index}]" : $"actions[{index}].{path}";

    /// <summary>The zero-based index of the action an API field is about (<c>actions[6].when.type</c> → 6); null for a field of no action.</summary>
    public static int? IndexIn(string field)
    {
        const string prefix = "actions[";
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var end = field.IndexOf(']', prefix.Length);
        return end > prefix.Length
            && int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && (end + 1 == field.Length || field[end + 1] == '.')
            ? index
            : null;
    }

    /// <summary>The action as people name it: "Action 7", or with its kind "Action 7 (Send to queue)".</summary>
    public static string Name(int index, ScenarioActionKind? kind = null) =>
        kind is { } known ? $"Action {Of(index)} ({ScenarioActionKinds.Name(known)})" : $"Action {Of(index)}";
}
