using Switchboard.Server.Admin.Trunks;

namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>
/// The trunk being edited on the Trunks page: inbound addresses one per line; the registration fields count
/// only while <see cref="Registers"/> is ticked, an empty password keeps the stored one, and an emptied
/// duration is sent as -1, which the service refuses in words.
/// </summary>
public sealed class TrunkForm
{
    public string Name { get; set; } = "";

    public string? InboundAddresses { get; set; }

    public string? OutboundHost { get; set; }

    public bool Registers { get; set; }

    public string? Registrar { get; set; }

    public string? RegistrationUsername { get; set; }

    public string? RegistrationPassword { get; set; }

    public int? RegistrationExpiresSeconds { get; set; } = 3600;

    public static TrunkForm From(TrunkView trunk) => new()
    {
        Name = trunk.Name,
        InboundAddresses = string.Join('\n', trunk.InboundAddresses),
        OutboundHost = trunk.OutboundHost,
        Registers = trunk.Registration is not null,
        Registrar = trunk.Registration?.Registrar,
        RegistrationUsername = trunk.Registration?.Username,
        RegistrationExpiresSeconds = trunk.Registration?.ExpiresSeconds ?? 3600,
    };

    public TrunkInput ToInput() => new(
        Name,
        [.. (InboundAddresses ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        string.IsNullOrWhiteSpace(OutboundHost) ? null : OutboundHost,
        Registers
            ? new TrunkRegistrationInput(
                Registrar ?? "",
                RegistrationUsername ?? "",
                string.IsNullOrEmpty(RegistrationPassword) ? null : RegistrationPassword,
                RegistrationExpiresSeconds ?? -1)
            : null);
}
