using System.Threading.Channels;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.TestMedia;

/// <summary>A packet sink that keeps copies of what a session received, for a test to await one by one.</summary>
internal sealed class PacketRecorder : IRtpPacketSink
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<RecordedPacket> _packets = Channel.CreateUnbounded<RecordedPacket>();

    public void OnPacket(RtpSession session, in RtpPacket packet) =>
        _packets.Writer.TryWrite(new RecordedPacket(packet.Header, packet.Payload.ToArray()));

    /// <summary>The next packet; fails the test if none comes in a long while.</summary>
    public async Task<RecordedPacket> NextAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        return await _packets.Reader.ReadAsync(patience.Token);
    }

    public async Task<List<RecordedPacket>> NextAsync(int count)
    {
        var packets = new List<RecordedPacket>();
        for (var i = 0; i < count; i++)
        {
            packets.Add(await NextAsync());
        }

        return packets;
    }

    public bool TryTake(out RecordedPacket packet) => _packets.Reader.TryRead(out packet!);
}

internal sealed record RecordedPacket(RtpHeader Header, byte[] Payload);
