namespace Switchboard.Server.Components.Shared;

/// <summary>The messages a configuration service returned for one field, as the text shown under it.</summary>
public static class FieldMessages
{
    public static string? For(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
