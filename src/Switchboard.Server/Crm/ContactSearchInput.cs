namespace Switchboard.Server.Crm;

/// <summary>
/// A contact search as the API's query string and the Contacts page write it; all given parts must match.
/// <list type="bullet">
/// <item><see cref="Q"/>: name words, each matching the start of a word of the name, case and accents ignored.</item>
/// <item><see cref="Destination"/>: a phone number (any international notation) or an e-mail address, matched exactly.</item>
/// <item><see cref="Attribute"/>: an attribute value, matched whole, case ignored; <see cref="AttributeKey"/> narrows it to one attribute.</item>
/// <item><see cref="Label"/>: a label's id or name; <see cref="Owner"/>: the owning user's id.</item>
/// <item><see cref="Page"/> from 1, <see cref="PageSize"/> 1 to 100 (25 when left out).</item>
/// <item><see cref="Sort"/>: <c>name</c> (A to Z, when left out) or <c>-name</c> (Z to A).</item>
/// </list>
/// </summary>
public sealed record ContactSearchInput(
    string? Q = null,
    string? Destination = null,
    string? Attribute = null,
    string? AttributeKey = null,
    string? Label = null,
    Guid? Owner = null,
    int? Page = null,
    int? PageSize = null,
    string? Sort = null)
{
    public const string ByName = "name";
    public const string ByNameDescending = "-name";

    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}
