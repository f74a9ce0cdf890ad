using System.Text.Json;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>The body of <c>PUT /api/v1/agents/{id}/status</c>: <c>{"status": "ready" | "backSoon" | "notAvailable"}</c>.</summary>
public sealed record AgentStatusInput(string? Status)
{
    /// <summary>The status names the API accepts, in the API's camelCase.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<AgentStatus>().Select(NameOf)];

    // Read by exact name: a lenient enum parse would also take numbers and other casings.
    public bool TryGetStatus(out AgentStatus status)
    {
        foreach (var candidate in Enum.GetValues<AgentStatus>())
        {
            if (string.Equals(NameOf(candidate), Status, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    private static string NameOf(AgentStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
