using System.Threading.Channels;
using Switchboard.Domain.Acd;
using Switchboard.Server.Acd;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// The commands no live call took, kept for a test: with no SIP agents here, a test reads them as telephony would
/// and answers offers for the agents itself.
/// </summary>
public sealed class UnclaimedAcdCommands : IUnclaimedAcdCommandSink
{
    private readonly Channel<AcdCommand> _commands =
        Channel.CreateUnbounded<AcdCommand>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public ChannelReader<AcdCommand> Reader => _commands.Reader;

    public void Receive(AcdCommand command) => _commands.Writer.TryWrite(command);
}
