using System.Security.Cryptography;
using Switchboard.Media.WebRtc.Srtp;

namespace Switchboard.Media.Tests.WebRtc.Srtp;

public class SrtpSessionTests
{
    private const uint Ssrc = 0xDEADBEEF;

    private static readonly SrtpMasterKey Rfc3711MasterKey = new(
        Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139"),
        Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6"));

    [Fact]
    public void Keystream_oracle_matches_rfc3711_b2_aes_cm_vectors()
    {
        var sessionKey = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
        var sessionSalt = Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");

        var start = AesCounterModeKeystream.Generate(sessionKey, sessionSalt, ssrc: 0, packetIndex: 0, length: 48);
        var end = AesCounterModeKeystream.FromCounter(sessionKey, Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF"), 48);

        Assert.Equal(
            "E03EAD0935C95E80E166B16DD92B4EB4" + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0",
            Convert.ToHexString(start));
        Assert.Equal(
            "EC8CDF7398607CB0F2D21675EA9EA1E4" + "362B7C3C6773516318A077D7FC5073AE" + "6A2CC3787889374FBEB4C81B17BA6C44",
            Convert.ToHexString(end));
    }

    /// <summary>
    /// libsrtp keeps its session keys to itself, so RFC 3711 B.3 is checked through what it sends: the
    /// payload must be encrypted with the B.3 cipher key and salt and the tag made with the B.3 auth key.
    /// </summary>
    [Fact]
    public void Protected_packet_uses_the_session_keys_rfc3711_b3_derives_from_the_master_key()
    {
        var cipherKey = Convert.FromHexString("C61E7A93744F39EE10734AFE3FF7A087");
        var cipherSalt = Convert.FromHexString("30CBBC08863D8C85D49DB34A9AE1");
        var authKey = Convert.FromHexString("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
        const ushort sequenceNumber = 0x1234;
        var plain = RtpPackets.Pcmu(sequenceNumber, Ssrc);
        var packet = (byte[])plain.Clone();
        using var sender = new SrtpOutboundSession(Rfc3711MasterKey);

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtp(packet, RtpPackets.PcmuLength, out var length));

        Assert.Equal(RtpPackets.PcmuLength + SrtpOutboundSession.RtpTrailerLength, length);
        var keystream = AesCounterModeKeystream.Generate(cipherKey, cipherSalt, Ssrc, sequenceNumber, 160);
        var expectedPayload = plain.AsSpan(RtpPackets.HeaderLength, 160).ToArray().Zip(keystream, (p, k) => (byte)(p ^ k)).ToArray();
        Assert.Equal(plain[..RtpPackets.HeaderLength], packet[..RtpPackets.HeaderLength]);
        Assert.Equal(Convert.ToHexString(expectedPayload), Convert.ToHexString(packet, RtpPackets.HeaderLength, 160));
        byte[] authenticated = [.. packet[..RtpPackets.PcmuLength], 0, 0, 0, 0]; // the rollover counter, still 0
#pragma warning disable CA5350 // SRTP's default authentication is HMAC-SHA1 (RFC 3711 §4.2.1)
        var expectedTag = HMACSHA1.HashData(authKey, authenticated)[..SrtpOutboundSession.RtpTrailerLength];
#pragma warning restore CA5350
        Assert.Equal(Convert.ToHexString(expectedTag), Convert.ToHexString(packet, RtpPackets.PcmuLength, SrtpOutboundSession.RtpTrailerLength));
    }

    [Fact]
    public void Protected_rtp_unprotects_to_the_original_packet()
    {
        using var sender = new SrtpOutboundSession(Rfc3711MasterKey);
        using var receiver = new SrtpInboundSession(Rfc3711MasterKey);
        var plain = RtpPackets.Pcmu(1, Ssrc, firstByte: 7);
        var packet = (byte[])plain.Clone();

        sender.ProtectRtp(packet, RtpPackets.PcmuLength, out var protectedLength);
        var status = receiver.UnprotectRtp(packet.AsSpan(0, protectedLength), out var plainLength);

        Assert.Equal(SrtpStatus.Ok, status);
        Assert.Equal(plain[..RtpPackets.PcmuLength], packet[..plainLength]);
    }

    [Fact]
    public void Protected_rtcp_unprotects_to_the_original_report()
    {
        using var sender = new SrtpOutboundSession(Rfc3711MasterKey);
        using var receiver = new SrtpInboundSession(Rfc3711MasterKey);
        var plain = RtpPackets.ReceiverReport(Ssrc);
        var packet = (byte[])plain.Clone();

        Assert.Equal(SrtpStatus.Ok, sender.ProtectRtcp(packet, RtpPackets.ReceiverReportLength, out var protectedLength));
        Assert.Equal(RtpPackets.ReceiverReportLength + SrtpOutboundSession.RtcpTrailerLength, protectedLength);
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(packet.AsSpan(0, protectedLength), out var plainLength));
        Assert.Equal(plain[..RtpPackets.ReceiverReportLength], packet[..plainLength]);
    }

    [Fact]
    public void Tampered_packet_is_rejected_as_unauthentic()
    {
        using var sender = new SrtpOutboundSession(Rfc3711MasterKey);
        using var receiver = new SrtpInboundSession(Rfc3711MasterKey);
        var packet = RtpPackets.Pcmu(1, Ssrc);
        sender.ProtectRtp(packet, RtpPackets.PcmuLength, out var protectedLength);
        packet[40] ^= 0x01;

        Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtp(packet.AsSpan(0, protectedLength), out var plainLength));
        Assert.Equal(0, plainLength);
    }

    [Fact]
    public void Packet_protected_with_other_keys_is_rejected()
    {
        using var sender = new SrtpOutboundSession(new SrtpMasterKey(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(14)));
        using var receiver = new SrtpInboundSession(Rfc3711MasterKey);
        var packet = RtpPackets.Pcmu(1, Ssrc);
        sender.ProtectRtp(packet, RtpPackets.PcmuLength, out var protectedLength);

        Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtp(packet.AsSpan(0, protectedLength), out _));
    }

    [Fact]
    public void Replayed_packet_is_reported_not_thrown()
    {
        using var sender = new SrtpOutboundSession(Rfc3711MasterKey);
        using var receiver = new SrtpInboundSession(Rfc3711MasterKey);
        var packet = RtpPackets.Pcmu(1, Ssrc);
        sender.ProtectRtp(packet, RtpPackets.PcmuLength, out var protectedLength);
        var replay = packet[..protectedLength];

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packet.AsSpan(0, protectedLength), out _));
        Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtp(replay, out var plainLength));
        Assert.Equal(0, plainLength);
    }

    [Fact]
    public void Packets_arriving_out_of_order_within_the_window_are_accepted()
    {
        using var sender = new SrtpOutboundSession(Rfc3711MasterKey);
        using var receiver = new SrtpInboundSession(Rfc3711MasterKey);
        var first = RtpPackets.Pcmu(1, Ssrc);
        var second = RtpPackets.Pcmu(2, Ssrc);
        sender.ProtectRtp(first, RtpPackets.PcmuLength, out var firstLength);
        sender.ProtectRtp(second, RtpPackets.PcmuLength, out var secondLength);

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(second.AsSpan(0, secondLength), out _));
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(first.AsSpan(0, firstLength), out _));
    }

    [Fact]
    public void Truncated_packet_is_reported_malformed()
    {
        using var receiver = new SrtpInboundSession(Rfc3711MasterKey);

        Assert.Equal(SrtpStatus.Malformed, receiver.UnprotectRtp(new byte[] { 0x80, 0x00, 0x00, 0x01 }, out _));
    }

    [Fact]
    public void Buffer_without_room_for_the_tag_is_refused_before_libsrtp_writes_past_it()
    {
        using var sender = new SrtpOutboundSession(Rfc3711MasterKey);
        var packet = RtpPackets.Pcmu(1, Ssrc, spare: 4);

        Assert.Throws<ArgumentException>(() => sender.ProtectRtp(packet, RtpPackets.PcmuLength, out _));
    }
}
