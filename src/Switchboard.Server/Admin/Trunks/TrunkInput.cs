namespace Switchboard.Server.Admin.Trunks;

/// <summary>A SIP trunk as the admin writes it.</summary>
public sealed record TrunkInput(
    string Name,
    IReadOnlyList<string>? InboundAddresses = null,
    string? OutboundHost = null,
    TrunkRegistrationInput? Registration = null);
