namespace Switchboard.Domain.Acd;

/// <summary>
/// Where the ACD's commands go (implemented by telephony). Called on the dispatcher's single loop, in decision
/// order. It must neither block nor throw: post the command to the call's own mailbox and return, so that a
/// slow call can never hold up the decisions for every other call.
/// </summary>
public interface IAcdCommandSink
{
    void Send(AcdCommand command);
}
