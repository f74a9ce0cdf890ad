using Switchboard.Media.WebRtc.Dtls;

namespace Switchboard.Media.Tests.WebRtc.Dtls;

/// <summary>Datagrams one transport sent, held until the test delivers them to the other.</summary>
internal sealed class DatagramWire
{
    private readonly Queue<byte[]> _inFlight = new();

    public List<byte[]> Sent { get; } = [];

    public DatagramSender Sender => datagram =>
    {
        var copy = datagram.ToArray();
        Sent.Add(copy);
        _inFlight.Enqueue(copy);
    };

    public bool IsEmpty => _inFlight.Count == 0;

    public void DeliverTo(DtlsTransport receiver)
    {
        while (_inFlight.TryDequeue(out var datagram))
        {
            receiver.ReceiveDatagram(datagram);
        }
    }
}
