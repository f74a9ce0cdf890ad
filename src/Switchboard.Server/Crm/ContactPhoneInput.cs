using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>A phone number in any common international notation (stored as E.164).</summary>
public sealed record ContactPhoneInput(string Number, PhoneType Type = PhoneType.Mobile, bool Primary = false);
