using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>A contact's phone number in E.164 form.</summary>
public sealed record ContactPhoneView(string Number, PhoneType Type, bool Primary);
