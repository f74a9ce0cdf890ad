using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Tests.Crm;

public class ContactTests
{
    [Fact]
    public void Renaming_a_contact_changes_the_words_it_is_found_by_and_its_sort_key()
    {
        var contact = new Contact { Name = "Ann Smith" };

        contact.Name = "Ann Jones";

        Assert.Equal(["ann", "jones"], contact.NameWords.Select(w => w.Word));
        Assert.Equal("ann jones", contact.SortKey);
    }

    [Fact]
    public void Renaming_keeps_the_rows_of_words_that_stay()
    {
        var contact = new Contact { Name = "Ann Smith" };
        var ann = contact.NameWords[0];

        contact.Name = "Ann Jones";

        Assert.Same(ann, contact.NameWords.Single(w => w.Word == "ann"));
    }

    [Fact]
    public void Linking_a_primary_number_makes_it_the_only_primary_one()
    {
        var contact = new Contact { Name = "Ann Smith" };
        contact.LinkPhone("+14155550100", PhoneType.Mobile, primary: true);

        contact.LinkPhone("+14155550101", PhoneType.Work, primary: true);

        Assert.Equal([("+14155550100", false), ("+14155550101", true)], contact.Phones.Select(p => (p.Number, p.IsPrimary)));
    }

    [Fact]
    public void Linking_a_number_the_contact_has_changes_its_type_instead_of_adding_it_again()
    {
        var contact = new Contact { Name = "Ann Smith" };
        contact.LinkPhone("+14155550100", PhoneType.Mobile, primary: false);

        contact.LinkPhone("+14155550100", PhoneType.Home, primary: false);

        Assert.Equal([("+14155550100", PhoneType.Home)], contact.Phones.Select(p => (p.Number, p.Type)));
    }

    [Fact]
    public void Setting_phones_updates_numbers_that_stay_adds_new_ones_and_removes_the_rest()
    {
        var contact = new Contact { Name = "Ann Smith" };
        contact.SetPhones([new ContactPhone { Number = "+14155550100", IsPrimary = true }, new ContactPhone { Number = "+14155550101" }]);
        var staying = contact.Phones[1];

        contact.SetPhones([new ContactPhone { Number = "+14155550101", Type = PhoneType.Work, IsPrimary = true }, new ContactPhone { Number = "+14155550102" }]);

        Assert.Equal(
            [("+14155550101", PhoneType.Work, true), ("+14155550102", PhoneType.Mobile, false)],
            contact.Phones.Select(p => (p.Number, p.Type, p.IsPrimary)));
        Assert.Same(staying, contact.Phones[0]);
    }

    [Fact]
    public void Unlinking_reports_whether_the_contact_had_the_number_or_identity()
    {
        var contact = new Contact { Name = "Ann Smith" };
        contact.LinkPhone("+14155550100", PhoneType.Mobile, primary: false);
        contact.LinkMessagingIdentity("telegram", "@ann");

        Assert.True(contact.UnlinkPhone("+14155550100"));
        Assert.False(contact.UnlinkPhone("+14155550100"));
        Assert.False(contact.UnlinkMessagingIdentity("whatsapp", "@ann"));
        Assert.True(contact.UnlinkMessagingIdentity("telegram", "@ann"));
        Assert.Empty(contact.Phones);
        Assert.Empty(contact.MessagingIdentities);
    }

    [Fact]
    public void Emails_equal_but_for_case_are_kept_once_and_attribute_values_are_folded_for_search()
    {
        var contact = new Contact { Name = "Ann Smith" };

        contact.SetEmails(["Ann@Example.com", "ann@example.com"]);
        contact.SetAttributes([new("tier", "Gold Plus")]);

        Assert.Equal(["Ann@Example.com"], contact.Emails.Select(e => e.Address));
        Assert.Equal([("tier", "Gold Plus", "gold plus")], contact.Attributes.Select(a => (a.Key, a.Value, a.ValueKey)));
    }
}
