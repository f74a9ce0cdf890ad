namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>The search fields above the contact list, as typed; searching puts them in the list's address.</summary>
public sealed class ContactSearchForm
{
    public string? Q { get; set; }

    public string? Destination { get; set; }

    public string? Attribute { get; set; }

    /// <summary>A label's name; empty for any label.</summary>
    public string Label { get; set; } = "";

    /// <summary>The owner's user id; empty for anyone.</summary>
    public string Owner { get; set; } = "";

    public static ContactSearchForm From(ContactListAddress address) => new()
    {
        Q = address.Q,
        Destination = address.Destination,
        Attribute = address.Attribute,
        Label = address.Label ?? "",
        Owner = address.Owner ?? "",
    };

    /// <summary>The list's address for this search, from its first page, in the order and page size the list has.</summary>
    public ContactListAddress Search(ContactListAddress current) => current with
    {
        Q = Given(Q),
        Destination = Given(Destination),
        Attribute = Given(Attribute),
        Label = Given(Label),
        Owner = Given(Owner),
        Page = 1,
    };

    /// <summary>A field as the address holds it: trimmed, and left out (null) when empty.</summary>
    private static string? Given(string? field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();
}
