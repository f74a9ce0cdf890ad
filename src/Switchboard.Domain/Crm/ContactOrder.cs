namespace Switchboard.Domain.Crm;

/// <summary>The order a contact search lists its contacts in: by name (case and accents ignored), A to Z or Z to A.</summary>
public enum ContactOrder
{
    NameAscending,
    NameDescending,
}
