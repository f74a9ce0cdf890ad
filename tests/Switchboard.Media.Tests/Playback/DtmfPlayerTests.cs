using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestMedia;

namespace Switchboard.Media.Tests.Playback;

public class DtmfPlayerTests
{
    [Fact]
    public async Task Digits_sent_are_the_digits_the_far_end_hears()
    {
        await using var legs = new LoopbackLegs();
        var (us, agent) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu);
        var heard = new List<char>();
        agent.DigitReceived += (_, e) =>
        {
            lock (heard)
            {
                heard.Add(e.Digit);
            }
        };

        var sending = new DtmfPlayer(legs.Time).PlayAsync(us, "19#", CancellationToken.None);
        await PumpUntilDone(legs.Time, sending);

        Assert.True(await sending);
        await Eventually.HoldsAsync(() => { lock (heard) { return heard.Count == 3; } }, "three digits arrive");
        Assert.Equal("19#", string.Concat(heard));
    }

    [Fact]
    public async Task One_key_is_five_updates_with_the_end_sent_three_times()
    {
        await using var legs = new LoopbackLegs();
        var packets = new PacketRecorder();
        var (us, _) = legs.OpenPair(RtpMediaFormat.Pcma, RtpMediaFormat.Pcma, secondSink: packets);

        var sending = new DtmfPlayer(legs.Time).PlayAsync(us, "7", CancellationToken.None);
        var sent = await SoundPlayerTests.ReceivePaced(legs.Time, packets, 7);

        Assert.True(await sending);
        var events = sent.Select(p => TelephoneEvent.TryParse(p.Payload, out var e) ? e : default).ToList();
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], events.Select(e => (int)e.Duration));
        Assert.Equal([false, false, false, false, true, true, true], events.Select(e => e.End));
        Assert.All(events, e => Assert.Equal(7, e.Event));
        Assert.All(sent, p => Assert.Equal((101, sent[0].Header.Timestamp), (p.Header.PayloadType, p.Header.Timestamp)));
        Assert.Equal([true, false, false, false, false, false, false], sent.Select(p => p.Header.Marker));
    }

    [Fact]
    public async Task Leg_without_telephone_events_sends_nothing()
    {
        await using var legs = new LoopbackLegs();
        var (us, _) = legs.OpenPair(new RtpMediaFormat(AudioEncoding.Pcmu, 0), RtpMediaFormat.Pcmu);

        Assert.False(await new DtmfPlayer(legs.Time).PlayAsync(us, "1", CancellationToken.None));
        Assert.Equal(0, us.Statistics.PacketsSent);
    }

    private static async Task PumpUntilDone(FakeTimeProvider time, Task task)
    {
        for (var step = 0; step < 1000 && !task.IsCompleted; step++)
        {
            time.Advance(SoundPlayer.FrameDuration);
            await Task.Delay(1);
        }
    }
}
