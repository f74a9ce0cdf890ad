using System.Threading.Channels;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.Acd;

/// <summary>
/// The ACD's commands (offer, cancel, connect, leave queue), in decision order, for the telephony service to carry
/// out. Until telephony exists nothing reads them: no call can arrive then either, and an offer nobody answers
/// expires by the queue's ring timeout. Unbounded because dropping a command would leave a call and the ACD
/// disagreeing; the reader is expected to hand each command to its call's own mailbox and keep up.
/// </summary>
public sealed class AcdCommandChannel : IAcdCommandSink
{
    private readonly Channel<AcdCommand> _commands =
        Channel.CreateUnbounded<AcdCommand>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Read by one consumer only: telephony (or a test standing in for the agents' answers).</summary>
    public ChannelReader<AcdCommand> Reader => _commands.Reader;

    public void Send(AcdCommand command) => _commands.Writer.TryWrite(command);
}
