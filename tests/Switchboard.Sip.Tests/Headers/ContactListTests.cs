using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Headers;

public class ContactListTests
{
    [Fact]
    public void Contacts_carry_expires_and_q()
    {
        var request = TestMessages.ParseRequest("""
            REGISTER sip:switchboard.test SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKr1
            From: <sip:ann@switchboard.test>;tag=1
            To: <sip:ann@switchboard.test>
            Call-ID: reg-1
            CSeq: 1 REGISTER
            Contact: <sip:ann@192.0.2.10>;expires=3600;q=0.7, "Desk" <sip:ann@192.0.2.11>;q=1
            Contact: sip:ann@192.0.2.12
            Content-Length: 0


            """);

        Assert.True(request.TryGetContacts(out var list));

        Assert.False(list.IsWildcard);
        Assert.Equal([3600u, null, null], list.Contacts.Select(c => c.Expires));
        Assert.Equal([0.7, 1.0, null], list.Contacts.Select(c => c.Q));
        Assert.Equal("Desk", list.Contacts[1].Address.DisplayName.Text());
    }

    [Fact]
    public void Star_removes_all_bindings()
    {
        Assert.True(ContactList.TryParse(["*"u8.ToArray()], out var list));

        Assert.True(list.IsWildcard);
        Assert.Empty(list.Contacts);
    }

    [Theory]
    [InlineData("<sip:a@b>;q=1.5")]
    [InlineData("<sip:a@b>;q=0.1234")]
    [InlineData("<sip:a@b>;expires=soon")]
    [InlineData("<sip:a@b>;expires=4294967296")]
    public void Malformed_contact_parameters_are_refused(string text) =>
        Assert.False(ContactList.TryParse([System.Text.Encoding.UTF8.GetBytes(text)], out _));

    [Fact]
    public void Star_among_other_contacts_is_refused() =>
        Assert.False(ContactList.TryParse(["*"u8.ToArray(), "<sip:a@b>"u8.ToArray()], out _));
}
