using System.Threading.Channels;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// The ACD's commands (offer, cancel, connect, leave queue), in decision order. Telephony reads <see cref="Decided"/>
/// and hands each command to its live call; what no live call takes goes to the <see cref="IUnclaimedAcdCommandSink"/>.
/// Unbounded because dropping a command would leave a call and the ACD disagreeing.
/// </summary>
public sealed class AcdCommandChannel : IAcdCommandSink
{
    private readonly Channel<AcdCommand> _commands =
        Channel.CreateUnbounded<AcdCommand>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Every command, read by telephony only.</summary>
    public ChannelReader<AcdCommand> Decided => _commands.Reader;

    public void Send(AcdCommand command) => _commands.Writer.TryWrite(command);
}
