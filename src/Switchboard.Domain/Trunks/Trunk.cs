namespace Switchboard.Domain.Trunks;

/// <summary>A SIP trunk of a carrier or PBX: calls come in from its addresses and may go out through it.</summary>
public sealed class Trunk
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>IP addresses or CIDR blocks (IPv4 or IPv6) allowed to send calls in.</summary>
    public List<string> InboundAddresses { get; set; } = [];

    /// <summary>host[:port] that outbound calls are sent to; null when the trunk is inbound only.</summary>
    public string? OutboundHost { get; set; }

    /// <summary>Registration of Switchboard with the carrier; null when the carrier needs none.</summary>
    public TrunkRegistration? Registration { get; set; }
}
