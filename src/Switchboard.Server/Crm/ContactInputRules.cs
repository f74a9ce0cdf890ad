using Switchboard.Domain.Crm;
using Switchboard.Domain.Routing;

namespace Switchboard.Server.Crm;

/// <summary>
/// Checks a <see cref="ContactInput"/> and brings it to stored form: numbers in E.164, channels lower-case, text
/// trimmed. Messages are keyed by the field as the API names it, e.g. <c>phones[1].number</c>.
/// </summary>
public static class ContactInputRules
{
    public const int MaxAttributeKeyLength = 100;
    public const int MaxAttributeValueLength = 1000;
    public const int MaxListLength = 50;

    public static (NormalizedContact Contact, Dictionary<string, string[]> Errors) Normalize(ContactInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = ["Enter the contact's name."];
        else if (name.Length > Contact.MaxNameLength)
            errors["name"] = [$"A name has at most {Contact.MaxNameLength} characters."];

        var timeZone = string.IsNullOrWhiteSpace(input.TimeZone) ? null : input.TimeZone.Trim();
        if (timeZone is not null && !(TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId))
            errors["timeZone"] = ["Not a known IANA time zone; write it like Europe/Paris or America/New_York."];

        var description = input.Description?.Trim() ?? "";
        if (description.Length > Contact.MaxDescriptionLength)
            errors["description"] = [$"A description has at most {Contact.MaxDescriptionLength} characters."];

        var phones = NormalizePhones(input.Phones ?? [], errors);
        var identities = NormalizeMessagingIdentities(input.MessagingIdentities ?? [], errors);
        var emails = NormalizeEmails(input.Emails ?? [], errors);
        var attributes = NormalizeAttributes(input.Attributes ?? new Dictionary<string, string>(), errors);
        var labels = NormalizeLabels(input.Labels ?? [], errors);

        var contact = new NormalizedContact(name, timeZone, input.OwnerId, labels, attributes, description, phones, identities, emails);
        return (contact, errors);
    }

    public static bool TryNormalizePhone(ContactPhoneInput phone, string field, Dictionary<string, string[]> errors, out ContactPhone normalized)
    {
        normalized = new ContactPhone { Number = "" };
        if (!E164.TryNormalize(phone.Number, out var e164, out var error))
        {
            errors[$"{field}.number"] = [error];
            return false;
        }

        if (!Enum.IsDefined(phone.Type))
        {
            errors[$"{field}.type"] = ["Choose mobile, work, home or other."];
            return false;
        }

        normalized = new ContactPhone { Number = e164, Type = phone.Type, IsPrimary = phone.Primary };
        return true;
    }

    public static bool TryNormalizeMessagingIdentity(
        MessagingIdentityInput identity,
        string field,
        Dictionary<string, string[]> errors,
        out MessagingIdentity normalized)
    {
        normalized = new MessagingIdentity { Channel = "", Identifier = "" };
        var channelOk = MessagingChannel.TryNormalize(identity.Channel, out var channel, out var channelError);
        var identifierOk = MessagingChannel.TryNormalizeIdentifier(identity.Identifier, out var identifier, out var identifierError);
        if (!channelOk)
            errors[$"{field}.channel"] = [channelError];
        if (!identifierOk)
            errors[$"{field}.identifier"] = [identifierError];
        if (!channelOk || !identifierOk)
            return false;

        normalized = new MessagingIdentity { Channel = channel, Identifier = identifier };
        return true;
    }

    private static List<ContactPhone> NormalizePhones(IReadOnlyList<ContactPhoneInput> phones, Dictionary<string, string[]> errors)
    {
        var normalized = new List<ContactPhone>();
        if (TooMany(phones.Count, "phones", "phone numbers", errors))
            return normalized;
        for (var i = 0; i < phones.Count; i++)
        {
            if (!TryNormalizePhone(phones[i], $"phones[{i}]", errors, out var phone))
                continue;
            if (normalized.Any(p => p.Number == phone.Number))
                errors[$"phones[{i}].number"] = [$"{phone.Number} is listed twice."];
            else
                normalized.Add(phone);
        }

        if (normalized.Count(p => p.IsPrimary) > 1)
            errors["phones"] = ["Only one number can be primary."];
        return normalized;
    }

    private static List<MessagingIdentity> NormalizeMessagingIdentities(IReadOnlyList<MessagingIdentityInput> identities, Dictionary<string, string[]> errors)
    {
        var normalized = new List<MessagingIdentity>();
        if (TooMany(identities.Count, "messagingIdentities", "messaging identities", errors))
            return normalized;
        for (var i = 0; i < identities.Count; i++)
        {
            if (TryNormalizeMessagingIdentity(identities[i], $"messagingIdentities[{i}]", errors, out var identity)
                && !normalized.Any(m => m.Channel == identity.Channel && m.Identifier == identity.Identifier))
                normalized.Add(identity);
        }

        return normalized;
    }

    private static List<string> NormalizeEmails(IReadOnlyList<string> emails, Dictionary<string, string[]> errors)
    {
        var normalized = new List<string>();
        if (TooMany(emails.Count, "emails", "e-mail addresses", errors))
            return normalized;
        for (var i = 0; i < emails.Count; i++)
        {
            if (!EmailAddress.TryNormalize(emails[i], out var address, out var error))
                errors[$"emails[{i}]"] = [error];
            else if (!normalized.Any(e => EmailAddress.Key(e) == EmailAddress.Key(address)))
                normalized.Add(address);
        }

        return normalized;
    }

    private static List<KeyValuePair<string, string>> NormalizeAttributes(IReadOnlyDictionary<string, string> attributes, Dictionary<string, string[]> errors)
    {
        var normalized = new List<KeyValuePair<string, string>>();
        if (TooMany(attributes.Count, "attributes", "attributes", errors))
            return normalized;
        foreach (var (rawKey, rawValue) in attributes)
        {
            var key = rawKey.Trim();
            var value = rawValue?.Trim() ?? "";
            var field = $"attributes[{rawKey}]";
            if (key.Length == 0)
                errors[field] = ["An attribute needs a name."];
            else if (key.Length > MaxAttributeKeyLength)
                errors[field] = [$"An attribute name has at most {MaxAttributeKeyLength} characters."];
            else if (value.Length > MaxAttributeValueLength)
                errors[field] = [$"An attribute value has at most {MaxAttributeValueLength} characters."];
            else if (normalized.Any(a => a.Key == key))
                errors[field] = [$"The attribute '{key}' is given twice."];
            else
                normalized.Add(new(key, value));
        }

        return normalized;
    }

    private static List<string> NormalizeLabels(IReadOnlyList<string> labels, Dictionary<string, string[]> errors)
    {
        var normalized = new List<string>();
        if (TooMany(labels.Count, "labels", "labels", errors))
            return normalized;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = string.Join(' ', (labels[i] ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (label.Length == 0)
                errors[$"labels[{i}]"] = ["A label needs a name."];
            else if (label.Length > Label.MaxNameLength)
                errors[$"labels[{i}]"] = [$"A label has at most {Label.MaxNameLength} characters."];
            else if (!normalized.Any(l => ContactName.Fold(l) == ContactName.Fold(label)))
                normalized.Add(label);
        }

        return normalized;
    }

    private static bool TooMany(int count, string field, string what, Dictionary<string, string[]> errors)
    {
        if (count <= MaxListLength)
            return false;
        errors[field] = [$"A contact has at most {MaxListLength} {what}."];
        return true;
    }
}
