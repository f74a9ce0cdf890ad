namespace Switchboard.Domain.Crm;

/// <summary>One folded word of a contact's name: the index that name search looks words up in.</summary>
public sealed class ContactNameWord
{
    public required string Word { get; init; }
}
