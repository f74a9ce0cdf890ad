namespace Switchboard.Data.Crm;

/// <summary>One page of a contact search and the number of contacts matching in all.</summary>
public sealed record ContactPage(IReadOnlyList<ContactSummary> Items, int Total, int Page, int PageSize);
