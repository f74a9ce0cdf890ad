namespace Switchboard.Domain.Crm;

/// <summary>A free-form fact about a contact, e.g. "customer no" → "C-1042".</summary>
public sealed class ContactAttribute
{
    public required string Key { get; init; }

    public required string Value
    {
        get;
        set
        {
            field = value;
            ValueKey = ContactName.Fold(value);
        }
    }

    /// <summary>The value folded as <see cref="ContactName.Fold"/> does, which attribute search matches.</summary>
    public string ValueKey { get; private set; } = "";
}
