using Switchboard.Domain.Crm;
using Switchboard.Server.Components.Shared;
using Switchboard.Server.Crm;

namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>The contact being created or edited, as the editor's fields hold it.</summary>
public sealed class ContactForm
{
    public string Name { get; set; } = "";

    public string? TimeZone { get; set; }

    /// <summary>The owner's user id; empty for nobody.</summary>
    public string? OwnerId { get; set; }

    public string? Description { get; set; }

    /// <summary>Every existing label, each ticked or not.</summary>
    public List<LabelChoiceRow> Labels { get; init; } = [];

    /// <summary>Names of labels to create, separated by commas.</summary>
    public string? NewLabels { get; set; }

    public List<ContactPhoneRow> Phones { get; init; } = [];

    public List<MessagingIdentityRow> MessagingIdentities { get; init; } = [];

    /// <summary>One address per line.</summary>
    public string? Emails { get; set; }

    public List<AttributeRow> Attributes { get; init; } = [];

    public static ContactForm From(ContactView contact, IReadOnlyList<LabelView> labels) => new()
    {
        Name = contact.Name,
        TimeZone = contact.TimeZone,
        OwnerId = PostedValue.Of(contact.OwnerId),
        Description = contact.Description,
        Labels = [.. labels.Select(label => new LabelChoiceRow { Name = label.Name, Picked = contact.Labels.Contains(label.Name) })],
        Phones = [.. contact.Phones.Select(phone => new ContactPhoneRow { Number = phone.Number, Type = phone.Type, Primary = phone.Primary })],
        MessagingIdentities = [.. contact.MessagingIdentities.Select(identity => new MessagingIdentityRow { Channel = identity.Channel, Identifier = identity.Identifier })],
        Emails = string.Join('\n', contact.Emails),
        Attributes = [.. contact.Attributes.Select(attribute => new AttributeRow { Key = attribute.Key, Value = attribute.Value })],
    };

    public static ContactForm New(IReadOnlyList<LabelView> labels) => new()
    {
        Labels = [.. labels.Select(label => new LabelChoiceRow { Name = label.Name })],
    };

    /// <summary>
    /// The input for the contact services. Phone and messaging rows go as they are, so a message names the row it
    /// is about; attribute rows left wholly blank are dropped, and of an attribute name given twice the first counts.
    /// </summary>
    public ContactInput ToInput()
    {
        var labels = Labels.Where(label => label.Picked).Select(label => label.Name)
            .Concat((NewLabels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var attributes = new Dictionary<string, string>();
        foreach (var row in Attributes.Where(row => !string.IsNullOrWhiteSpace(row.Key) || !string.IsNullOrWhiteSpace(row.Value)))
            attributes.TryAdd(row.Key ?? "", row.Value ?? "");
        return new ContactInput(
            Name,
            TimeZone,
            PostedValue.Id(OwnerId),
            labels,
            attributes,
            Description,
            [.. Phones.Select(row => new ContactPhoneInput(row.Number ?? "", row.Type, row.Primary))],
            [.. MessagingIdentities.Select(row => new MessagingIdentityInput(row.Channel ?? "", row.Identifier ?? ""))],
            [.. (Emails ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
    }
}
