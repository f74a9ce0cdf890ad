namespace Switchboard.Server.Components.Shared;

/// <summary>The messages a configuration service returned for one field, as the text shown under it.</summary>
public static class FieldMessages
{
    public static string? For(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The field's messages and its items' (<c>inboundAddresses[2]</c> under <c>inboundAddresses</c>).</summary>
    public static string? WithItems(this IReadOnlyDictionary<string, string[]> errors, string field)
    {
        var messages = errors
            .Where(error => error.Key == field || error.Key.StartsWith(field + "[", StringComparison.Ordinal))
            .SelectMany(error => error.Value)
            .ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
