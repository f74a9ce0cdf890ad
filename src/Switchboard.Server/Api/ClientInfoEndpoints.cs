using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Switchboard.Server.Crm;
using Switchboard.Server.Security;
using Switchboard.Server.Workspace.ClientInfo;

namespace Switchboard.Server.Api;

/// <summary>
/// /api/v1/workspace/calls/{callId}/client: the Client info tab of a call, for the agents on it (while it is live) or
/// the agent who answered it (afterwards); 404 for everyone else. Agents need no CRM access here: contacts they
/// may not edit open through signed read-only links.
/// </summary>
public static class ClientInfoEndpoints
{
    public static IEndpointRouteBuilder MapClientInfoApi(this IEndpointRouteBuilder api)
    {
        var client = api.MapGroup("/workspace/calls/{callId:guid}/client").RequireAuthorization(Policies.Agent).WithTags("Client info");

        client.MapGet("/", (Guid callId, ClaimsPrincipal user, ClientConversations calls, ClientInfoTab tab, IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ForCallAsync(callId, user, calls, authorization, needsAnswer: false,
                    async (call, crmAccess) => TypedResults.Ok(await tab.ShowAsync(call, crmAccess, cancellationToken)), cancellationToken))
            .WithSummary("The queue, the contacts the caller's number identifies, the member description and the call variables.")
            .Produces<ClientInfoView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        client.MapGet("/search", (Guid callId, string? by, string? q, int? page, ClaimsPrincipal user, ClientConversations calls, ClientInfoTab tab,
                    IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ForCallAsync(callId, user, calls, authorization, needsAnswer: true,
                    async (_, crmAccess) => (await tab.SearchAsync(by, q, page, crmAccess, cancellationToken)).ToOk(), cancellationToken))
            .WithSummary("The page-th contact (one a page, from 1) matching q by name, destination or attribute.")
            .WithDescription("by: name (words starting words of the name), destination (a phone number or e-mail address) or attribute (a value, " +
                "matched whole, case ignored). Open once the call is answered: 409 while it rings.")
            .Produces<ClientSearchResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        client.MapPost("/contacts", (Guid callId, NewClientInput input, ClaimsPrincipal user, ClientConversations calls, ClientInfoTab tab,
                    IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ForCallAsync(callId, user, calls, authorization, needsAnswer: true,
                    async (call, crmAccess) => (await tab.AddAsync(call, input, crmAccess, cancellationToken)).ToOk(), cancellationToken))
            .WithSummary("Adds a contact with the call in its timeline and, when linkCallerNumber is true, the caller's number linked.")
            .Produces<ClientCard>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        client.MapPost("/select", (Guid callId, SelectClientInput input, ClaimsPrincipal user, ClientConversations calls, ClientInfoTab tab,
                    IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ForCallAsync(callId, user, calls, authorization, needsAnswer: true,
                    async (call, crmAccess) => (await tab.SelectAsync(call, input, crmAccess, cancellationToken)).ToOk(), cancellationToken))
            .WithSummary("Binds the call to the contact's timeline; the contact's card.")
            .Produces<ClientCard>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        client.MapPost("/link", (Guid callId, LinkCallerNumberInput input, ClaimsPrincipal user, ClientConversations calls, ClientInfoTab tab,
                    IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ForCallAsync(callId, user, calls, authorization, needsAnswer: true,
                    async (call, crmAccess) => (await tab.LinkCallerNumberAsync(call, input.ContactId, crmAccess, cancellationToken)).ToOk(), cancellationToken))
            .WithSummary("Links the caller's number to the contact, so that the next call from it is identified; the contact's card.")
            .WithDescription("400 callerNumber when the caller withheld their number or it is not a phone number, contactId when there is no such contact.")
            .Produces<ClientCard>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        client.MapGet("/owners", (Guid callId, ClaimsPrincipal user, ClientConversations calls, ClientInfoTab tab, IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ForCallAsync(callId, user, calls, authorization, needsAnswer: false,
                    async (_, _) => TypedResults.Ok(await tab.OwnersAsync(cancellationToken)), cancellationToken))
            .WithSummary("The users who may own a contact added from the call, for the Add form.")
            .Produces<IReadOnlyList<ClientOwnerView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        client.MapGet("/labels", (Guid callId, ClaimsPrincipal user, ClientConversations calls, ClientInfoTab tab, IAuthorizationService authorization, CancellationToken cancellationToken) =>
                ForCallAsync(callId, user, calls, authorization, needsAnswer: false,
                    async (_, _) => TypedResults.Ok(await tab.LabelsAsync(cancellationToken)), cancellationToken))
            .WithSummary("The existing labels, for the Add form (new ones may be typed).")
            .Produces<IReadOnlyList<LabelView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>Runs <paramref name="action"/> on the call when the user may look at it (and, if needed, has answered it).</summary>
    private static async Task<IResult> ForCallAsync(
        Guid callId,
        ClaimsPrincipal user,
        ClientConversations calls,
        IAuthorizationService authorization,
        bool needsAnswer,
        Func<ClientConversation, bool, Task<IResult>> action,
        CancellationToken cancellationToken)
    {
        if (user.GetUserId() is not { } userId || await calls.FindCallAsync(callId, userId, cancellationToken) is not { } call)
            return ProblemResults.NotFound();
        if (needsAnswer && !call.Accepted)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The call has not been answered yet.",
                detail: "Add and Search open once you have answered the call.");
        }

        var crmAccess = (await authorization.AuthorizeAsync(user, Policies.Crm)).Succeeded;
        return await action(call, crmAccess);
    }
}
