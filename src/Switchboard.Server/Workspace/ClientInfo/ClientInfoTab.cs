using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Data.Crm;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin;
using Switchboard.Server.Crm;

namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// What the Client info tab shows beside a call and what it does: identifies the client, searches contacts, adds a
/// contact from the call and binds the call to a contact's timeline. It works for agents without CRM access (that is
/// its point): they see contacts through read-only links only.
/// </summary>
public sealed class ClientInfoTab(SwitchboardDbContext db, ContactDirectory directory, ContactAdmin admin, ContactCardLinks links)
{
    /// <summary>A number shared by more contacts than this shows the first ones, in name order.</summary>
    public const int MaxIdentifiedContacts = 20;

    public async Task<ClientInfoView> ShowAsync(ClientConversation conversation, bool crmAccess, CancellationToken cancellationToken)
    {
        var identified = await IdentifyAsync(conversation.Identifier, cancellationToken);
        var cards = new List<ClientCard>();
        foreach (var summary in identified.Take(MaxIdentifiedContacts))
        {
            if (await CardAsync(summary.Id, crmAccess, cancellationToken) is { } card)
                cards.Add(card);
        }

        return new ClientInfoView(
            await QueueNameAsync(conversation.QueueId, cancellationToken),
            ShownIdentifier(conversation.Identifier),
            cards,
            conversation.MemberDescription,
            conversation.Variables);
    }

    /// <summary>
    /// The <paramref name="page"/>-th contact (from 1, in name order) whose name, destination (phone number or e-mail)
    /// or attribute value, as <paramref name="by"/> says, matches <paramref name="text"/>.
    /// </summary>
    public async Task<AdminResult<ClientSearchResult>> SearchAsync(string? by, string? text, int? page, bool crmAccess, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var input = by?.Trim().ToLowerInvariant() switch
        {
            "name" => new ContactSearchInput(Q: text, Page: page, PageSize: 1),
            "destination" => new ContactSearchInput(Destination: text, Page: page, PageSize: 1),
            "attribute" => new ContactSearchInput(Attribute: text, Page: page, PageSize: 1),
            _ => null,
        };
        if (input is null)
            errors["by"] = ["Search by name, destination or attribute."];
        if (string.IsNullOrWhiteSpace(text))
            errors["q"] = ["Type what to search for."];
        if (input is null || errors.Count > 0)
            return AdminResult<ClientSearchResult>.Invalid(errors);

        var found = await directory.SearchAsync(input, cancellationToken);
        if (!found.Succeeded)
            return AdminResult<ClientSearchResult>.Invalid(found.Errors.ToDictionary(e => e.Key == "destination" ? "q" : e.Key, e => e.Value));

        var cards = new List<ClientCard>();
        foreach (var summary in found.Value!.Items)
        {
            if (await CardAsync(summary.Id, crmAccess, cancellationToken) is { } card)
                cards.Add(card);
        }

        return AdminResult<ClientSearchResult>.Ok(new ClientSearchResult(cards, found.Value.Total, found.Value.Page));
    }

    /// <summary>
    /// Creates the contact the agent typed, with the call in its timeline and, when asked, the caller's number linked.
    /// </summary>
    public async Task<AdminResult<ClientCard>> AddAsync(ClientConversation conversation, NewClientInput input, bool crmAccess, CancellationToken cancellationToken)
    {
        var phones = new List<ContactPhoneInput>();
        var identities = new List<MessagingIdentityInput>();
        switch (conversation.Identifier)
        {
            case CallerNumberIdentifier caller when input.LinkCallerNumber:
                if (E164.Normalize(caller.Number) is not { } number)
                    return AdminResult<ClientCard>.Invalid("linkCallerNumber", $"The caller's number '{caller.Number}' is not a phone number, so it cannot be linked.");
                phones.Add(new ContactPhoneInput(number, Primary: true));
                break;
            case null when input.LinkCallerNumber:
                return AdminResult<ClientCard>.Invalid("linkCallerNumber", "The caller withheld their number, so there is none to link.");
            case ChannelIdentifier chat:
                // A contact made from a chat always gets the chat's identity, so the next chat finds it.
                identities.Add(new MessagingIdentityInput(chat.Channel, chat.Identifier));
                break;
        }

        var created = await admin.CreateAsync(
            new ContactInput(input.Name, input.TimeZone, input.OwnerId, input.Labels, Description: input.Description, Phones: phones, MessagingIdentities: identities),
            cancellationToken);
        if (!created.Succeeded)
            return AdminResult<ClientCard>.Invalid(created.Errors);

        var contactId = created.Value!.Id;
        if (conversation.Identifier is ChannelIdentifier channel)
            await MoveIdentityAsync(channel, contactId, cancellationToken);
        return await BindAsync(conversation, contactId, crmAccess, cancellationToken);
    }

    /// <summary>Binds the call to the contact's timeline; the contact's card.</summary>
    public Task<AdminResult<ClientCard>> SelectAsync(ClientConversation conversation, SelectClientInput input, bool crmAccess, CancellationToken cancellationToken) =>
        BindAsync(conversation, input.ContactId, crmAccess, cancellationToken);

    /// <summary>
    /// Links the caller's number to the contact, so that the next call from it is identified: one click from the
    /// client's card, since adding a contact during a call does not link it by itself.
    /// </summary>
    public async Task<AdminResult<ClientCard>> LinkCallerNumberAsync(ClientConversation conversation, Guid contactId, bool crmAccess, CancellationToken cancellationToken)
    {
        if (conversation.Identifier is not CallerNumberIdentifier caller)
            return AdminResult<ClientCard>.Invalid("callerNumber", "The caller withheld their number, so there is none to link.");
        if (E164.Normalize(caller.Number) is not { } number)
            return AdminResult<ClientCard>.Invalid("callerNumber", $"The caller's number '{caller.Number}' is not a phone number, so it cannot be linked.");

        var linked = await admin.LinkPhoneAsync(contactId, new ContactPhoneInput(number), cancellationToken);
        if (linked.Outcome == AdminOutcome.NotFound)
            return AdminResult<ClientCard>.Invalid("contactId", "There is no such contact.");
        if (!linked.Succeeded)
            return AdminResult<ClientCard>.Invalid(linked.Errors);
        return await CardAsync(contactId, crmAccess, cancellationToken) is { } card
            ? AdminResult<ClientCard>.Ok(card)
            : AdminResult<ClientCard>.Invalid("contactId", "There is no such contact.");
    }

    /// <summary>Every user, who may own a contact added from Client info, by display name.</summary>
    public async Task<IReadOnlyList<ClientOwnerView>> OwnersAsync(CancellationToken cancellationToken) =>
        [.. (await db.Users.AsNoTracking().Select(u => new ClientOwnerView(u.Id, u.DisplayName)).ToListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)];

    public Task<IReadOnlyList<LabelView>> LabelsAsync(CancellationToken cancellationToken) => directory.LabelsAsync(cancellationToken);

    /// <summary>
    /// The agent made a new contact for this chat's client: the chat's identity was wrongly someone else's, so it moves
    /// from every other contact to the new one, and the next chat finds only the new one.
    /// </summary>
    private async Task MoveIdentityAsync(ChannelIdentifier channel, Guid newContactId, CancellationToken cancellationToken)
    {
        if (await directory.IdentifyByMessagingIdentityAsync(channel.Channel, channel.Identifier, cancellationToken) is not { Succeeded: true } found)
            return;
        foreach (var other in found.Value!.Where(contact => contact.Id != newContactId))
            await admin.UnlinkMessagingIdentityAsync(other.Id, channel.Channel, channel.Identifier, cancellationToken);
    }

    private async Task<AdminResult<ClientCard>> BindAsync(ClientConversation conversation, Guid contactId, bool crmAccess, CancellationToken cancellationToken)
    {
        var summary = $"{conversation.Kind} from {ShownIdentifier(conversation.Identifier) ?? "a withheld number"}";
        if (await QueueNameAsync(conversation.QueueId, cancellationToken) is { } queueName)
            summary += $" through {queueName}";
        var bound = await admin.BindToTimelineAsync(
            contactId,
            new TimelineEntryInput(conversation.Kind, conversation.Id.ToString(), conversation.StartedAt, summary),
            cancellationToken);
        if (bound.Outcome == AdminOutcome.NotFound)
            return AdminResult<ClientCard>.Invalid("contactId", "There is no such contact.");
        if (!bound.Succeeded)
            return AdminResult<ClientCard>.Invalid(bound.Errors);

        return await CardAsync(contactId, crmAccess, cancellationToken) is { } card
            ? AdminResult<ClientCard>.Ok(card)
            : AdminResult<ClientCard>.Invalid("contactId", "There is no such contact.");
    }

    private async Task<IReadOnlyList<ContactSummary>> IdentifyAsync(ClientIdentifier? identifier, CancellationToken cancellationToken)
    {
        var identified = identifier switch
        {
            CallerNumberIdentifier caller => await directory.IdentifyByNumberAsync(caller.Number, cancellationToken),
            ChannelIdentifier chat => await directory.IdentifyByMessagingIdentityAsync(chat.Channel, chat.Identifier, cancellationToken),
            _ => null,
        };
        // A caller number that is not a phone number (a SIP user name) identifies nobody.
        return identified is { Succeeded: true } ? identified.Value! : [];
    }

    private async Task<ClientCard?> CardAsync(Guid contactId, bool crmAccess, CancellationToken cancellationToken)
    {
        if (await directory.GetAsync(contactId, cancellationToken) is not { } contact)
            return null;
        var open = crmAccess ? $"/crm/contacts/{contact.Id}" : links.Create(contact.Id).Url;
        return new ClientCard(contact.Id, contact.Name, contact.TimeZone, contact.OwnerName, contact.Labels, contact.Attributes, contact.Description, contact.Phones, contact.MessagingIdentities, contact.Emails, open);
    }

    private async Task<string?> QueueNameAsync(Guid? queueId, CancellationToken cancellationToken) =>
        queueId is { } id
            ? await db.Queues.AsNoTracking().Where(q => q.Id == id).Select(q => q.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

    private static string? ShownIdentifier(ClientIdentifier? identifier) => identifier switch
    {
        CallerNumberIdentifier caller => E164.Normalize(caller.Number) ?? caller.Number,
        ChannelIdentifier chat => chat.Identifier,
        _ => null,
    };
}
