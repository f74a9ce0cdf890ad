namespace Switchboard.Server.Crm;

/// <summary>The query string of GET /api/v1/contacts, bound by name.</summary>
public sealed class ContactSearchQuery
{
    public string? Q { get; init; }

    public string? Destination { get; init; }

    public string? Attribute { get; init; }

    public string? AttributeKey { get; init; }

    public string? Label { get; init; }

    public Guid? Owner { get; init; }

    public int? Page { get; init; }

    public int? PageSize { get; init; }

    public string? Sort { get; init; }

    public ContactSearchInput ToInput() => new(Q, Destination, Attribute, AttributeKey, Label, Owner, Page, PageSize, Sort);
}
