using System.Net.Sockets;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Fakes;

/// <summary>A transport that keeps what it was asked to send, parsed, with the time it was sent; or fails every send.</summary>
public sealed class RecordingSender : ISipSender
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<(SipMessage Message, SipTransportAddress Destination, DateTimeOffset At)> _sent = [];

    public RecordingSender(TimeProvider time) => _time = time;

    public bool Fails { get; set; }

    public IReadOnlyList<(SipMessage Message, SipTransportAddress Destination, DateTimeOffset At)> Sent
    {
        get
        {
            lock (_gate)
                return [.. _sent];
        }
    }

    public IReadOnlyList<SipMessage> Messages => [.. Sent.Select(s => s.Message)];

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, SipTransportAddress destination, CancellationToken cancellationToken)
    {
        if (Fails)
            return ValueTask.FromException(new SocketException((int)SocketError.ConnectionRefused));
        Assert.True(SipMessageParser.TryParse(message.Span, out var parsed, out var error), error.Reason);
        lock (_gate)
            _sent.Add((parsed, destination, _time.GetUtcNow()));
        return ValueTask.CompletedTask;
    }

    public void Clear()
    {
        lock (_gate)
            _sent.Clear();
    }
}
