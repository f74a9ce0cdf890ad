namespace Switchboard.Domain.Acd;

/// <summary>What an agent is doing right now, as the ACD tracks it (independent of the status they chose).</summary>
public enum AgentActivity
{
    /// <summary>Free for an offer, if Ready and reachable and past any reject or no-answer pause.</summary>
    Idle,
    /// <summary>A call rings on the agent's webphone or device.</summary>
    Offered,
    /// <summary>Talking with a caller taken from a queue.</summary>
    OnCall,
    /// <summary>The pause after a call, for the queue's wrap-up time, before the next offer.</summary>
    WrapUp,
}
