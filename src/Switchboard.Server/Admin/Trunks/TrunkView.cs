using Switchboard.Domain.Trunks;
using Switchboard.Server.TelephonyHosting;

namespace Switchboard.Server.Admin.Trunks;

/// <summary>
/// A SIP trunk as shown; its registration password never leaves the server. <see cref="RegistrationStatus"/> is
/// read-only: where the registration with the carrier stands, null until a first attempt is under way.
/// </summary>
public sealed record TrunkView(
    Guid Id,
    string Name,
    IReadOnlyList<string> InboundAddresses,
    string? OutboundHost,
    TrunkRegistrationView? Registration,
    TrunkRegistrationStatus? RegistrationStatus = null)
{
    public static TrunkView From(Trunk trunk, TrunkRegistrationStatus? registrationStatus = null) => new(
        trunk.Id,
        trunk.Name,
        [.. trunk.InboundAddresses],
        trunk.OutboundHost,
        trunk.Registration is { } registration
            ? new TrunkRegistrationView(registration.Registrar, registration.Username, registration.ExpiresSeconds, registration.Password.Length > 0)
            : null,
        registrationStatus);
}
