using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Switchboard.Server.Crm;

namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>
/// The contact list's search, order and page as its address holds them (<c>crm/contacts?q=ann&amp;sort=-name&amp;page=2</c>),
/// so a link, a reload or the back button brings the same list back. Parts left at their default are left out.
/// </summary>
public sealed record ContactListAddress(
    string? Q = null,
    string? Destination = null,
    string? Attribute = null,
    string? Label = null,
    string? Owner = null,
    bool Descending = false,
    int Page = 1,
    int PageSize = ContactListAddress.DefaultPageSize)
{
    public const string Path = "crm/contacts";

    /// <summary>What the page shows a page at a time when the address does not say.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The page sizes the list offers; the address may ask for no other.</summary>
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>The list the query string of <paramref name="uri"/> asks for; a part it cannot use is left at its default.</summary>
    public static ContactListAddress Read(string uri)
    {
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(question < 0 ? "" : uri[question..].Split('#')[0]);
        string? Text(string key) => query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString() : null;
        int? Number(string key) => int.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        return new ContactListAddress(
            Text("q"),
            Text("destination"),
            Text("attribute"),
            Text("label"),
            Text("owner"),
            Text("sort") == ContactSearchInput.ByNameDescending,
            Math.Max(1, Number("page") ?? 1),
            Number("pageSize") is { } size && PageSizes.Contains(size) ? size : DefaultPageSize);
    }

    /// <summary>The base-relative address of this list.</summary>
    public string ToPath()
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("q", Q),
            new("destination", Destination),
            new("attribute", Attribute),
            new("label", Label),
            new("owner", Owner),
            new("sort", Descending ? ContactSearchInput.ByNameDescending : null),
            new("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture)),
            new("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture)),
        };
        return Path + QueryString.Create(query.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)));
    }

    /// <summary>The search for the contact directory.</summary>
    public ContactSearchInput ToSearch() => new(
        Q,
        Destination,
        Attribute,
        Label: Label,
        Owner: Guid.TryParse(Owner, CultureInfo.InvariantCulture, out var owner) ? owner : null,
        Page: Page,
        PageSize: PageSize,
        Sort: Descending ? ContactSearchInput.ByNameDescending : ContactSearchInput.ByName);
}
