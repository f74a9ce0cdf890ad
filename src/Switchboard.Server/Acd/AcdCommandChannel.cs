using System.Threading.Channels;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.Acd;

/// <summary>
/// The ACD's commands (offer, cancel, connect, leave queue), in decision order. Telephony reads <see cref="Decided"/>
/// and hands each command to its live call; what no live call takes (its call just ended, or it never was a SIP
/// call) is passed on to <see cref="Reader"/>. <see cref="Decided"/> is unbounded because dropping a command would
/// leave a call and the ACD disagreeing; the passed-on ones concern no call any more, so only the latest are kept.
/// </summary>
public sealed class AcdCommandChannel : IAcdCommandSink
{
    /// <summary>How many passed-on commands are kept for a reader; older ones are dropped.</summary>
    public const int UnclaimedCapacity = 1024;

    private readonly Channel<AcdCommand> _commands =
        Channel.CreateUnbounded<AcdCommand>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly Channel<AcdCommand> _unclaimed = Channel.CreateBounded<AcdCommand>(
        new BoundedChannelOptions(UnclaimedCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    /// <summary>Every command, read by telephony only.</summary>
    public ChannelReader<AcdCommand> Decided => _commands.Reader;

    /// <summary>The commands no live call took: for a test standing in for the agents' answers.</summary>
    public ChannelReader<AcdCommand> Reader => _unclaimed.Reader;

    public void Send(AcdCommand command) => _commands.Writer.TryWrite(command);

    /// <summary>Hands on a command that no live call took.</summary>
    public void PassOn(AcdCommand command) => _unclaimed.Writer.TryWrite(command);
}
