using Switchboard.Server.Workspace.ClientInfo;

namespace Switchboard.Server.Components.Workspace;

/// <summary>What the agent types in Client info's Add form.</summary>
public sealed class ClientAddModel
{
    public string Name { get; set; } = "";

    public string? TimeZone { get; set; }

    public Guid? OwnerId { get; set; }

    public HashSet<string> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>Labels not yet known, separated by commas.</summary>
    public string NewLabels { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Off by default: a contact added during a call is bound to it, its number linked only when asked.</summary>
    public bool LinkCallerNumber { get; set; }

    public NewClientInput ToInput() => new(
        Name,
        string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
        OwnerId,
        [.. Labels, .. NewLabels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Description,
        LinkCallerNumber);
}
