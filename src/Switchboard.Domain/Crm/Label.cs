namespace Switchboard.Domain.Crm;

/// <summary>A tag shared by contacts, e.g. "VIP"; names are unique regardless of case.</summary>
public sealed class Label
{
    public const int MaxNameLength = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name
    {
        get;
        set
        {
            field = value;
            NameKey = ContactName.Fold(value);
        }
    }

    /// <summary>The name folded as <see cref="ContactName.Fold"/> does; unique.</summary>
    public string NameKey { get; private set; } = "";
}
