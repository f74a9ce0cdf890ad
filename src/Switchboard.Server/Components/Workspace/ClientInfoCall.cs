using Switchboard.Server.Admin;
using Switchboard.Server.Components.Shared;
using Switchboard.Server.Crm;
using Switchboard.Server.Workspace.ClientInfo;

namespace Switchboard.Server.Components.Workspace;

/// <summary>
/// What Client info does on one call, as the agent on it: each action in a service scope of its own, the call looked
/// up again each time (it may have ended, or been answered, meanwhile). Add, Search, Select and Link open once the
/// agent has answered the call, as the Client info API has it.
/// </summary>
public sealed class ClientInfoCall(CircuitWork work, Guid callId, Guid agentId, bool crmAccess)
{
    /// <summary>The key of the messages about the call itself rather than a field.</summary>
    public const string CallField = "call";

    public Guid CallId => callId;

    /// <summary>The tab's content, or null when the call is not (or no longer) the agent's to look at.</summary>
    public async Task<ClientInfoView?> ShowAsync(CancellationToken cancellationToken) =>
        await FindAsync(cancellationToken) is { } conversation
            ? await work.RunAsync<ClientInfoTab, ClientInfoView>(tab => tab.ShowAsync(conversation, crmAccess, cancellationToken))
            : null;

    public Task<AdminResult<ClientSearchResult>> SearchAsync(string by, string? text, int page, CancellationToken cancellationToken) =>
        AnsweredAsync((_, tab) => tab.SearchAsync(by, text, page, crmAccess, cancellationToken), cancellationToken);

    public Task<AdminResult<ClientCard>> AddAsync(NewClientInput input, CancellationToken cancellationToken) =>
        AnsweredAsync((conversation, tab) => tab.AddAsync(conversation, input, crmAccess, cancellationToken), cancellationToken);

    public Task<AdminResult<ClientCard>> SelectAsync(Guid contactId, CancellationToken cancellationToken) =>
        AnsweredAsync((conversation, tab) => tab.SelectAsync(conversation, new SelectClientInput(contactId), crmAccess, cancellationToken), cancellationToken);

    public Task<AdminResult<ClientCard>> LinkCallerNumberAsync(Guid contactId, CancellationToken cancellationToken) =>
        AnsweredAsync((conversation, tab) => tab.LinkCallerNumberAsync(conversation, contactId, crmAccess, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ClientOwnerView>> OwnersAsync(CancellationToken cancellationToken) =>
        work.RunAsync<ClientInfoTab, IReadOnlyList<ClientOwnerView>>(tab => tab.OwnersAsync(cancellationToken));

    public Task<IReadOnlyList<LabelView>> LabelsAsync(CancellationToken cancellationToken) =>
        work.RunAsync<ClientInfoTab, IReadOnlyList<LabelView>>(tab => tab.LabelsAsync(cancellationToken));

    private Task<ClientConversation?> FindAsync(CancellationToken cancellationToken) =>
        work.RunAsync<ClientConversations, ClientConversation?>(calls => calls.FindCallAsync(callId, agentId, cancellationToken));

    private async Task<AdminResult<T>> AnsweredAsync<T>(Func<ClientConversation, ClientInfoTab, Task<AdminResult<T>>> action, CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } conversation)
            return AdminResult<T>.Invalid(CallField, "The call is gone.");
        if (!conversation.Accepted)
            return AdminResult<T>.Invalid(CallField, "Add and Search open once you have answered the call.");
        return await work.RunAsync<ClientInfoTab, AdminResult<T>>(tab => action(conversation, tab));
    }
}
