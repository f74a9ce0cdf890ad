using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations.Crm;

/// <summary>The contact id each of a contact's rows carries; a shadow property, as the domain reaches rows through the contact.</summary>
internal static class ContactPart
{
    public const string ContactId = "ContactId";

    public static void HasContactId<T>(this EntityTypeBuilder<T> builder) where T : class =>
        builder.Property<Guid>(ContactId).HasColumnName("contact_id");
}
