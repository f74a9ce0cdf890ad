namespace Switchboard.Domain.Crm;

/// <summary>What kind of line a contact's phone number is.</summary>
public enum PhoneType
{
    Mobile,
    Work,
    Home,
    Other,
}
