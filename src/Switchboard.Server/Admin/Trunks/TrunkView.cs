using Switchboard.Domain.Trunks;

namespace Switchboard.Server.Admin.Trunks;

/// <summary>A SIP trunk as shown; its registration password never leaves the server.</summary>
public sealed record TrunkView(Guid Id, string Name, IReadOnlyList<string> InboundAddresses, string? OutboundHost, TrunkRegistrationView? Registration)
{
    public static TrunkView From(Trunk trunk) => new(
        trunk.Id,
        trunk.Name,
        [.. trunk.InboundAddresses],
        trunk.OutboundHost,
        trunk.Registration is { } registration
            ? new TrunkRegistrationView(registration.Registrar, registration.Username, registration.ExpiresSeconds, registration.Password.Length > 0)
            : null);
}
