namespace Switchboard.Domain.Crm;

/// <summary>An e-mail address of a contact.</summary>
public sealed class ContactEmail
{
    /// <summary>As written, trimmed.</summary>
    public required string Address
    {
        get;
        init
        {
            field = value;
            AddressKey = EmailAddress.Key(value);
        }
    }

    /// <summary>Lower-case form, which identifies the address: mail systems treat addresses case-insensitively in practice.</summary>
    public string AddressKey { get; private set; } = "";
}
