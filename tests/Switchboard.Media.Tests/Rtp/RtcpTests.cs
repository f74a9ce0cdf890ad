using System.Text;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtcpTests
{
    [Fact]
    public void Sender_report_with_a_block_about_us_reads_back_as_written()
    {
        var sent = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddMilliseconds(250);
        var info = new RtcpSenderInfo(RtcpSenderInfo.ToNtpTimestamp(sent), 123456, 50, 8000);
        var block = new RtcpReportBlock(0xAABBCCDD, 64, 3, 70000, 0, 0x12345678, 65536);
        var buffer = new byte[512];

        var length = RtcpWriter.WriteReport(buffer, 0x11223344, info, block, Encoding.ASCII.GetBytes("leg@switchboard"));

        Assert.Equal(0, length % 4);
        Assert.True(RtcpReader.TryRead(buffer.AsSpan(0, length), ourSsrc: 0xAABBCCDD, out var report));
        Assert.Equal(new RtcpReport(0x11223344, info, block), report);
    }

    [Fact]
    public void Ntp_timestamp_counts_seconds_since_1900_and_fractions_of_2_to_32()
    {
        var ntp = RtcpSenderInfo.ToNtpTimestamp(new DateTimeOffset(1900, 1, 1, 0, 0, 10, TimeSpan.Zero).AddMilliseconds(500));

        Assert.Equal((10UL << 32) | 0x80000000UL, ntp);
        Assert.Equal(0x000A8000u, new RtcpSenderInfo(ntp, 0, 0, 0).CompactNtpTimestamp);
    }

    [Fact]
    public void Receiver_report_about_another_source_carries_no_block_for_us()
    {
        var buffer = new byte[512];
        var block = new RtcpReportBlock(0x99, 0, -2, 10, 0, 0, 0);
        var length = RtcpWriter.WriteReport(buffer, 7, senderInfo: null, block, "x"u8);

        Assert.True(RtcpReader.TryRead(buffer.AsSpan(0, length), ourSsrc: 0x42, out var report));

        Assert.Equal(new RtcpReport(7, null, null), report);
    }

    [Fact]
    public void Negative_cumulative_loss_from_duplicates_survives_the_24_bit_field()
    {
        var buffer = new byte[512];
        var block = new RtcpReportBlock(0x42, 0, -2, 10, 0, 0, 0);
        var length = RtcpWriter.WriteReport(buffer, 7, senderInfo: null, block, "x"u8);

        Assert.True(RtcpReader.TryRead(buffer.AsSpan(0, length), ourSsrc: 0x42, out var report));

        Assert.Equal(-2, report.ReportAboutUs?.CumulativeLost);
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 202, 0, 1, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0x80, 200, 0, 9, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0x41, 201, 0, 1, 0, 0, 0, 1 })]
    public void Compound_packet_without_a_readable_report_is_ignored(byte[] datagram)
    {
        Assert.False(RtcpReader.TryRead(datagram, 1, out _));
    }
}
