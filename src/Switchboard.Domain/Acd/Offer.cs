namespace Switchboard.Domain.Acd;

/// <summary>A waiting call ringing one agent. Kept by the core for a later offer once this one ended.</summary>
internal sealed class Offer
{
    public OfferId Id { get; private set; }

    public WaitingCall Call { get; private set; } = null!;

    public AgentState Agent { get; private set; } = null!;

    public void Start(OfferId id, WaitingCall call, AgentState agent)
    {
        Id = id;
        Call = call;
        Agent = agent;
    }
}
