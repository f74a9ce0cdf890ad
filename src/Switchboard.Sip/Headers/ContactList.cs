namespace Switchboard.Sip.Headers;

/// <summary>The Contact header of a message: either "*" (remove all bindings in a REGISTER) or a list of contacts.</summary>
public sealed class ContactList
{
    private ContactList(bool isWildcard, IReadOnlyList<ContactHeader> contacts)
    {
        IsWildcard = isWildcard;
        Contacts = contacts;
    }

    public bool IsWildcard { get; }

    public IReadOnlyList<ContactHeader> Contacts { get; }

    /// <summary>Parses the list elements of every Contact line; "*" must stand alone.</summary>
    public static bool TryParse(IReadOnlyList<ReadOnlyMemory<byte>> elements, out ContactList list)
    {
        list = null!;
        if (elements.Count == 1 && elements[0].Span.SequenceEqual("*"u8))
        {
            list = new ContactList(isWildcard: true, []);
            return true;
        }
        var contacts = new List<ContactHeader>(elements.Count);
        foreach (var element in elements)
        {
            if (!ContactHeader.TryParse(element, out var contact))
                return false;
            contacts.Add(contact);
        }
        list = new ContactList(isWildcard: false, contacts);
        return true;
    }
}
