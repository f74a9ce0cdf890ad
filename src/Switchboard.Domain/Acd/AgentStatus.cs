namespace Switchboard.Domain.Acd;

/// <summary>The availability an agent chooses. Only <see cref="Ready"/> agents are offered calls.</summary>
public enum AgentStatus
{
    Ready,
    BackSoon,
    NotAvailable,
}
