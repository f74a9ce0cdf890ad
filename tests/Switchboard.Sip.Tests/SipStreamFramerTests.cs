using System.Buffers;

namespace Switchboard.Sip.Tests;

public class SipStreamFramerTests
{
    private static readonly byte[] Invite = TestMessages.Capture("sipp-uac-invite.sip");

    [Fact]
    public void Whole_message_is_framed_to_headers_plus_content_length()
    {
        var frame = SipStreamFramer.Frame([.. Invite, .. "OPTIONS sip:next"u8]);

        Assert.Equal(SipFrameStatus.Message, frame.Status);
        Assert.Equal(0, frame.KeepAliveLength);
        Assert.Equal(Invite.Length, frame.MessageLength);
    }

    [Fact]
    public void Every_truncation_of_a_message_needs_more_data()
    {
        for (var length = 0; length < Invite.Length; length++)
        {
            var frame = SipStreamFramer.Frame(Invite.AsSpan(0, length));

            Assert.Equal(SipFrameStatus.NeedMoreData, frame.Status);
        }
    }

    [Fact]
    public void Leading_keep_alives_are_reported_to_be_skipped()
    {
        var pingOnly = SipStreamFramer.Frame("\r\n\r\n"u8);
        var pingThenMessage = SipStreamFramer.Frame([.. "\r\n\r\n"u8, .. Invite]);

        Assert.Equal(SipFrameStatus.NeedMoreData, pingOnly.Status);
        Assert.Equal(4, pingOnly.KeepAliveLength);
        Assert.Equal(SipFrameStatus.Message, pingThenMessage.Status);
        Assert.Equal(4, pingThenMessage.KeepAliveLength);
        Assert.Equal(Invite.Length, pingThenMessage.MessageLength);
    }

    [Fact]
    public void Two_messages_back_to_back_are_framed_one_after_the_other()
    {
        byte[] stream = [.. Invite, .. Invite];

        var first = SipStreamFramer.Frame(stream);
        var second = SipStreamFramer.Frame(stream.AsSpan(first.KeepAliveLength + first.MessageLength));

        Assert.Equal(Invite.Length, first.MessageLength);
        Assert.Equal(SipFrameStatus.Message, second.Status);
        Assert.True(SipMessageParser.TryParse(stream.AsSpan(Invite.Length, second.MessageLength), out _, out var error), error.Reason);
    }

    [Fact]
    public void Message_split_over_segments_is_framed_like_a_contiguous_one()
    {
        var sequence = Segmented(Invite, 7);

        var frame = SipStreamFramer.Frame(sequence);

        Assert.Equal(SipFrameStatus.Message, frame.Status);
        Assert.Equal(Invite.Length, frame.MessageLength);
    }

    [Fact]
    public void Stream_message_without_content_length_cannot_be_framed()
    {
        var frame = SipStreamFramer.Frame(TestMessages.Torture("inv2543.dat"));

        Assert.Equal(SipFrameStatus.Invalid, frame.Status);
        Assert.Equal("Missing Content-Length", frame.Error.Reason);
    }

    [Fact]
    public void Compact_content_length_is_understood()
    {
        var data = TestMessages.Torture("longreq.dat");

        var frame = SipStreamFramer.Frame(data);

        Assert.Equal(SipFrameStatus.Message, frame.Status);
        Assert.Equal(data.Length, frame.MessageLength);
    }

    [Fact]
    public void Header_section_past_the_limit_is_refused_instead_of_buffered()
    {
        var endless = new byte[20_000];
        "INVITE sip:a@b SIP/2.0\r\nSubject: "u8.CopyTo(endless);
        endless.AsSpan(34).Fill((byte)'a');

        var frame = SipStreamFramer.Frame(endless);
        var segmented = SipStreamFramer.Frame(Segmented(endless, 4096));

        Assert.Equal(SipFrameStatus.Invalid, frame.Status);
        Assert.Equal("Header section too large", frame.Error.Reason);
        Assert.Equal(SipFrameStatus.Invalid, segmented.Status);
    }

    [Fact]
    public void Content_length_past_the_message_limit_is_refused()
    {
        var frame = SipStreamFramer.Frame(TestMessages.Wire("INVITE sip:a@b SIP/2.0\nContent-Length: 99999999\n\n"));

        Assert.Equal(SipFrameStatus.Invalid, frame.Status);
        Assert.Equal("Message too large", frame.Error.Reason);
    }

    [Theory]
    [InlineData("Content-Length: -1", "Bad Content-Length")]
    [InlineData("Content-Length: 1\r\nl: 2", "Duplicate Content-Length")]
    public void Unusable_content_length_is_refused(string header, string reason)
    {
        var frame = SipStreamFramer.Frame(TestMessages.Wire($"INVITE sip:a@b SIP/2.0\n{header}\n\n"));

        Assert.Equal(SipFrameStatus.Invalid, frame.Status);
        Assert.Equal(reason, frame.Error.Reason);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] data, int segmentLength)
    {
        var first = new Segment(data.AsMemory(0, Math.Min(segmentLength, data.Length)), 0);
        var last = first;
        for (var offset = segmentLength; offset < data.Length; offset += segmentLength)
            last = last.Append(data.AsMemory(offset, Math.Min(segmentLength, data.Length - offset)));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
