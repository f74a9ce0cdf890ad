using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class DtmfDetectorTests
{
    [Fact]
    public void Key_press_with_retransmitted_end_packets_is_one_digit()
    {
        var detector = new DtmfDetector();

        var digits = Detect(detector, KeyPress(5, timestamp: 16000));

        Assert.Equal("5", digits);
    }

    [Fact]
    public void Same_key_pressed_twice_is_two_digits()
    {
        var detector = new DtmfDetector();

        var digits = Detect(detector, [.. KeyPress(11, timestamp: 16000), .. KeyPress(11, timestamp: 17600)]);

        Assert.Equal("##", digits);
    }

    [Fact]
    public void Every_DTMF_event_maps_to_its_key()
    {
        var detector = new DtmfDetector();

        var digits = Detect(detector, Enumerable.Range(0, 16).SelectMany(e => KeyPress((byte)e, (uint)(e * 2000))).ToArray());

        Assert.Equal("0123456789*#ABCD", digits);
    }

    [Fact]
    public void Flash_is_not_a_digit()
    {
        var detector = new DtmfDetector();

        Assert.Equal("", Detect(detector, KeyPress(16, timestamp: 800)));
    }

    /// <summary>What a phone sends for one key: 100 ms of updates, then the end packet three times.</summary>
    private static (RtpHeader Header, byte[] Payload)[] KeyPress(byte eventCode, uint timestamp)
    {
        var packets = new List<(RtpHeader, byte[])>();
        ushort sequence = 100;
        for (var i = 1; i <= 7; i++)
        {
            var duration = (ushort)(Math.Min(i, 5) * 160);
            var payload = new byte[4];
            new TelephoneEvent(eventCode, End: i >= 5, Volume: 10, duration).Write(payload);
            packets.Add((new RtpHeader(101, sequence++, timestamp, 0x1234, Marker: i == 1), payload));
        }

        return [.. packets];
    }

    private static string Detect(DtmfDetector detector, (RtpHeader Header, byte[] Payload)[] packets)
    {
        var digits = "";
        foreach (var (header, payload) in packets)
        {
            if (detector.TryDetect(header, payload, out var digit))
            {
                digits += digit;
            }
        }

        return digits;
    }
}
