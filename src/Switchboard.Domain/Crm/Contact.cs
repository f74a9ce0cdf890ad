namespace Switchboard.Domain.Crm;

/// <summary>
/// A person or company the contact center talks to: who they are (name, time zone, owner, labels, attributes,
/// description) and how they reach it (phones, messaging identities, e-mails). Calls and chats bound to the
/// contact are <see cref="TimelineEntry"/> rows of their own.
/// </summary>
public sealed class Contact
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name
    {
        get;
        set
        {
            field = value;
            SortKey = ContactName.Fold(value);
            ContactCollections.Sync(
                NameWords,
                ContactName.Words(value).Select(word => new ContactNameWord { Word = word }),
                word => word.Word,
                (_, _) => { });
        }
    }

    /// <summary>The folded name, which lists sort by.</summary>
    public string SortKey { get; private set; } = "";

    /// <summary>IANA time zone, e.g. Europe/Paris; null when unknown.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The user who looks after this contact; null when nobody does.</summary>
    public Guid? OwnerId { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public List<ContactPhone> Phones { get; private set; } = [];

    public List<MessagingIdentity> MessagingIdentities { get; private set; } = [];

    public List<ContactEmail> Emails { get; private set; } = [];

    public List<ContactAttribute> Attributes { get; private set; } = [];

    public List<ContactLabel> Labels { get; private set; } = [];

    /// <summary>The words of <see cref="Name"/>, kept in step with it, for name search.</summary>
    public List<ContactNameWord> NameWords { get; private set; } = [];

    /// <summary>
    /// Makes the phone list exactly <paramref name="phones"/> (E.164 numbers, each once), keeping rows of numbers
    /// that stay. When several are marked primary, only the first stays primary.
    /// </summary>
    public void SetPhones(IEnumerable<ContactPhone> phones)
    {
        ContactCollections.Sync(Phones, phones, phone => phone.Number, (kept, wanted) =>
        {
            kept.Type = wanted.Type;
            kept.IsPrimary = wanted.IsPrimary;
        });
        KeepOnePrimary(Phones.FirstOrDefault(phone => phone.IsPrimary));
    }

    /// <summary>Adds the number, or changes its type and primary flag when the contact has it already.</summary>
    public ContactPhone LinkPhone(string e164, PhoneType type, bool primary)
    {
        var phone = Phones.FirstOrDefault(p => p.Number == e164);
        if (phone is null)
        {
            phone = new ContactPhone { Number = e164 };
            Phones.Add(phone);
        }

        phone.Type = type;
        phone.IsPrimary = primary;
        if (primary)
            KeepOnePrimary(phone);
        return phone;
    }

    /// <summary>Removes the number; false when the contact does not have it.</summary>
    public bool UnlinkPhone(string e164) => Phones.RemoveAll(phone => phone.Number == e164) > 0;

    public void SetMessagingIdentities(IEnumerable<MessagingIdentity> identities) =>
        ContactCollections.Sync(MessagingIdentities, identities, identity => (identity.Channel, identity.Identifier), (_, _) => { });

    /// <summary>Adds the identity unless the contact has it already; the identity the contact now has.</summary>
    public MessagingIdentity LinkMessagingIdentity(string channel, string identifier)
    {
        var identity = MessagingIdentities.FirstOrDefault(i => i.Channel == channel && i.Identifier == identifier);
        if (identity is null)
        {
            identity = new MessagingIdentity { Channel = channel, Identifier = identifier };
            MessagingIdentities.Add(identity);
        }

        return identity;
    }

    public bool UnlinkMessagingIdentity(string channel, string identifier) =>
        MessagingIdentities.RemoveAll(i => i.Channel == channel && i.Identifier == identifier) > 0;

    /// <summary>Makes the e-mail list exactly <paramref name="addresses"/>; addresses equal but for case count once.</summary>
    public void SetEmails(IEnumerable<string> addresses) =>
        ContactCollections.Sync(Emails, addresses.Select(address => new ContactEmail { Address = address }), email => email.AddressKey, (_, _) => { });

    public void SetAttributes(IEnumerable<KeyValuePair<string, string>> attributes) =>
        ContactCollections.Sync(
            Attributes,
            attributes.Select(attribute => new ContactAttribute { Key = attribute.Key, Value = attribute.Value }),
            attribute => attribute.Key,
            (kept, wanted) => kept.Value = wanted.Value);

    public void SetLabels(IEnumerable<Guid> labelIds) =>
        ContactCollections.Sync(Labels, labelIds.Select(id => new ContactLabel { LabelId = id }), label => label.LabelId, (_, _) => { });

    private void KeepOnePrimary(ContactPhone? primary)
    {
        foreach (var phone in Phones)
            phone.IsPrimary = ReferenceEquals(phone, primary);
    }
}
