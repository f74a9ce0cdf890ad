namespace Switchboard.Domain.Acd;

/// <summary>
/// Where the ACD's commands go (implemented by telephony). Called on the dispatcher's single loop, in decision
/// order. It must neither block nor throw: post the command to the call's own mailbox and return, so that a
/// slow call can never hold up the decisions for every other call.
/// </summary>
public interface IAcdCommandSink
{
    void Send(AcdCommand command);

    /// <summary>
    /// What the dispatcher calls: the command as a value, read in place. A sink that keeps the command gets its record
    /// (this default); one that only looks at it may read the value and allocate nothing.
    /// </summary>
    void Send(in AcdDecision command) => Send((AcdCommand)command.ToOutput());
}
