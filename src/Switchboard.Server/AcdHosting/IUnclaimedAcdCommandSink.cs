using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Where the ACD's commands go that no live call took: its call just ended, or it never was a SIP call. Called on
/// telephony's single command reader, so it must neither block nor throw.
/// </summary>
public interface IUnclaimedAcdCommandSink
{
    void Receive(AcdCommand command);
}
