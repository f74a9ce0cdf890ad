using Switchboard.Data.Crm;
using Switchboard.Server.Crm;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>
/// /api/v1/contacts: the CRM, for users with CRM access (403 for others), with one exception: the read-only card
/// of a contact, open to any logged-in user who holds a valid link to it. Client info will reach identification
/// and binding for agents without CRM access through the services, not through this API.
/// </summary>
public static class ContactEndpoints
{
    public static IEndpointRouteBuilder MapContactApi(this IEndpointRouteBuilder api)
    {
        var contacts = api.MapGroup("/contacts").RequireAuthorization(Policies.Crm).WithTags("Contacts");

        contacts.MapGet("/", async ([AsParameters] ContactSearchQuery query, ContactDirectory directory, CancellationToken cancellationToken) =>
                (await directory.SearchAsync(query.ToInput(), cancellationToken)).ToOk())
            .WithSummary("Search contacts, in name order, a page at a time.")
            .WithDescription(
                "All given parameters must match. q: words, each matching the start of a word of the name, case and accents " +
                "ignored (\"ann sm\" finds \"Ann Smith\" and \"Smithers, Anna\", not \"Joanna\"). destination: a phone number " +
                "in any international notation, or an e-mail address (case ignored), matched exactly. attribute: an attribute " +
                "value, matched whole, case ignored; attributeKey narrows it to one attribute. label: a label's id or name. " +
                "owner: the owner's user id. page from 1; pageSize 1 to 100, 25 by default. sort: name (A to Z, the default) " +
                "or -name (Z to A). The answer holds the page's " +
                "items and the total number of matches.")
            .Produces<ContactPage>()
            .ProducesValidationProblem();

        contacts.MapGet("/identify", async (string? number, string? channel, string? identifier, ContactDirectory directory, CancellationToken cancellationToken) =>
                (number is not null
                    ? await directory.IdentifyByNumberAsync(number, cancellationToken)
                    : await directory.IdentifyByMessagingIdentityAsync(channel, identifier, cancellationToken)).ToOk())
            .WithSummary("Every contact having a phone number (?number=) or a messaging identity (?channel=&identifier=).")
            .WithDescription("A number may belong to several contacts (a family, an office); all of them are returned, in name order.")
            .Produces<IReadOnlyList<ContactSummary>>()
            .ProducesValidationProblem();

        contacts.MapGet("/labels", (ContactDirectory directory, CancellationToken cancellationToken) => directory.LabelsAsync(cancellationToken));

        contacts.MapGet("/{id:guid}", async (Guid id, ContactDirectory directory, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await directory.GetAsync(id, cancellationToken)))
            .Produces<ContactView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPost("/", async (ContactInput input, ContactAdmin admin, CancellationToken cancellationToken) =>
                (await admin.CreateAsync(input, cancellationToken)).ToCreated(contact => $"/api/v1/contacts/{contact.Id}"))
            .Produces<ContactView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        contacts.MapPut("/{id:guid}", async (Guid id, ContactInput input, ContactAdmin admin, CancellationToken cancellationToken) =>
                (await admin.UpdateAsync(id, input, cancellationToken)).ToOk())
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapDelete("/{id:guid}", async (Guid id, ContactAdmin admin, CancellationToken cancellationToken) =>
                (await admin.DeleteAsync(id, cancellationToken)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPost("/{id:guid}/phones", async (Guid id, ContactPhoneInput phone, ContactAdmin admin, CancellationToken cancellationToken) =>
                (await admin.LinkPhoneAsync(id, phone, cancellationToken)).ToOk())
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapDelete("/{id:guid}/phones/{number}", async (Guid id, string number, ContactAdmin admin, CancellationToken cancellationToken) =>
                (await admin.UnlinkPhoneAsync(id, number, cancellationToken)).ToOk())
            .Produces<ContactView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPost("/{id:guid}/messaging-identities", async (Guid id, MessagingIdentityInput identity, ContactAdmin admin, CancellationToken cancellationToken) =>
                (await admin.LinkMessagingIdentityAsync(id, identity, cancellationToken)).ToOk())
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The identifier is the rest of the path, so that one holding '/' ("team/support@example") can be unlinked;
        // the server leaves an encoded '/' (%2F) encoded in the path, so it is decoded here.
        contacts.MapDelete("/{id:guid}/messaging-identities/{channel}/{**identifier}",
                async (Guid id, string channel, string identifier, ContactAdmin admin, CancellationToken cancellationToken) =>
                    (await admin.UnlinkMessagingIdentityAsync(id, channel, identifier.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), cancellationToken)).ToOk())
            .WithSummary("Unlink a messaging identity; the identifier may hold '/', as is or encoded as %2F.")
            .Produces<ContactView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPost("/{id:guid}/timeline", async (Guid id, TimelineEntryInput entry, ContactAdmin admin, CancellationToken cancellationToken) =>
                (await admin.BindToTimelineAsync(id, entry, cancellationToken)).ToOk())
            .Produces<TimelineEntryView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPost("/{id:guid}/read-only-link", async (Guid id, ContactDirectory directory, ContactCardLinks links, CancellationToken cancellationToken) =>
                await directory.GetAsync(id, cancellationToken) is null ? ProblemResults.NotFound() : TypedResults.Ok(links.Create(id)))
            .Produces<ReadOnlyLink>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The read-only card: any logged-in user, but only with a valid link's token for this very contact.
        api.MapGet("/contacts/{id:guid}/card", async (Guid id, string? token, ContactDirectory directory, ContactCardLinks links, CancellationToken cancellationToken) =>
                !links.Allows(id, token)
                    ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The link is not valid for this contact, or it has expired.")
                    : ProblemResults.OkOrNotFound(await directory.GetAsync(id, cancellationToken)))
            .RequireAuthorization(Policies.Agent)
            .WithTags("Contacts")
            .Produces<ContactView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
