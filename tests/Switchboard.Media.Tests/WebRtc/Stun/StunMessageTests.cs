using System.Net;
using System.Text;
using Switchboard.Media.WebRtc.Stun;

namespace Switchboard.Media.Tests.WebRtc.Stun;

public class StunMessageTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Rfc5769Vectors.Password);

    [Fact]
    public void Rfc5769_sample_request_reads_with_valid_integrity_and_fingerprint()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out var request));

        Assert.Equal(StunMessageType.BindingRequest, request.Type);
        Assert.Equal(Rfc5769Vectors.TransactionId, request.TransactionId.ToArray());
        Assert.True(request.TryGetAttribute(StunAttributeType.Username, out var username));
        Assert.Equal("evtj:h6vY", Encoding.UTF8.GetString(username));
        Assert.True(request.TryGetUInt32(StunAttributeType.Priority, out var priority));
        Assert.Equal(0x6e0001ffu, priority);
        Assert.True(request.TryGetUInt64(StunAttributeType.IceControlled, out var tieBreaker));
        Assert.Equal(0x932ff9b151263b36ul, tieBreaker);
        Assert.True(request.HasValidMessageIntegrity(Key));
        Assert.True(request.HasValidFingerprint());
    }

    [Fact]
    public void Writer_reproduces_the_rfc5769_sample_request_from_its_fields()
    {
        var buffer = new byte[200];
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingRequest, Rfc5769Vectors.TransactionId);
        writer.AddText(StunAttributeType.Software, "STUN test client");
        writer.AddPriority(0x6e0001ff);
        writer.AddIceControlled(0x932ff9b151263b36);
        writer.AddUsername("evtj:h6vY");
        writer.AddMessageIntegrity(Key);
        writer.AddFingerprint();

        Assert.Equal(Convert.ToHexString(Rfc5769Vectors.Request), Convert.ToHexString(buffer, 0, writer.Length));
    }

    [Fact]
    public void Rfc5769_ipv4_response_gives_the_mapped_address_192_0_2_1_port_32853()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv4Response, out var response));

        Assert.Equal(StunMessageType.BindingSuccessResponse, response.Type);
        Assert.True(response.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), mapped);
        Assert.True(response.HasValidMessageIntegrity(Key));
        Assert.True(response.HasValidFingerprint());
    }

    [Fact]
    public void Rfc5769_ipv6_response_gives_the_mapped_address_2001_db8_1234_5678_11_2233_4455_6677_port_32853()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv6Response, out var response));

        Assert.True(response.TryGetXorMappedAddress(out var mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853), mapped);
        Assert.True(response.HasValidMessageIntegrity(Key));
        Assert.True(response.HasValidFingerprint());
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("2001:db8:1234:5678:11:2233:4455:6677")]
    public void Writer_reproduces_the_rfc5769_responses_from_their_fields(string address)
    {
        var expected = address.Contains(':') ? Rfc5769Vectors.IPv6Response : Rfc5769Vectors.IPv4Response;
        var buffer = new byte[200];
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingSuccessResponse, Rfc5769Vectors.TransactionId);
        writer.AddText(StunAttributeType.Software, "test vector");
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse(address), 32853));
        writer.AddMessageIntegrity(Key);
        writer.AddFingerprint();

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buffer, 0, writer.Length));
    }

    [Fact]
    public void Integrity_does_not_check_out_under_another_password()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out var request));

        Assert.False(request.HasValidMessageIntegrity(Encoding.UTF8.GetBytes("VOkJxbRl1RmTxUk/WvJxBu")));
    }

    [Fact]
    public void A_changed_byte_breaks_integrity_and_fingerprint()
    {
        var tampered = Rfc5769Vectors.Request;
        tampered[47] ^= 0x01; // inside the PRIORITY value

        Assert.True(StunMessage.TryParse(tampered, out var request));
        Assert.False(request.HasValidMessageIntegrity(Key));
        Assert.False(request.HasValidFingerprint());
    }

    [Fact]
    public void Attributes_slipped_in_after_message_integrity_are_not_seen()
    {
        var buffer = new byte[200];
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingRequest, Rfc5769Vectors.TransactionId);
        writer.AddUsername("evtj:h6vY");
        writer.AddMessageIntegrity(Key);
        writer.AddUseCandidate();
        writer.AddFingerprint();

        Assert.True(StunMessage.TryParse(buffer.AsSpan(0, writer.Length), out var request));
        Assert.True(request.HasValidMessageIntegrity(Key));
        Assert.False(request.HasAttribute(StunAttributeType.UseCandidate));
    }

    [Fact]
    public void Error_code_is_written_and_read_as_its_number()
    {
        var buffer = new byte[100];
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingErrorResponse, Rfc5769Vectors.TransactionId);
        writer.AddErrorCode(401, "Unauthorized");

        Assert.True(StunMessage.TryParse(buffer.AsSpan(0, writer.Length), out var response));
        Assert.True(response.TryGetErrorCode(out var code));
        Assert.Equal(401, code);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(96)]
    public void A_truncated_message_is_not_parsed(int length) =>
        Assert.False(StunMessage.TryParse(Rfc5769Vectors.Request.AsSpan(0, length), out _));

    [Theory]
    [InlineData(0, 0x80)] // an RTP version-2 first byte
    [InlineData(4, 0xFF)] // inside the magic cookie
    public void A_datagram_that_is_not_stun_is_not_parsed(int index, byte mask)
    {
        var bytes = Rfc5769Vectors.Request;
        bytes[index] ^= mask;

        Assert.False(StunMessage.TryParse(bytes, out _));
    }
}
