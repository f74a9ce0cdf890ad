using System.Security.Claims;
using Switchboard.Server.Calls;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>
/// GET /api/v1/calls/{id}: one call's detail and path. Admins and supervisors see any call; an agent only a call they
/// were offered or talked on (403 for others).
/// </summary>
public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/calls/{id:guid}", GetAsync)
            .RequireAuthorization(Policies.Agent)
            .WithTags("Calls")
            .WithSummary("One call as it happened: its facts, its path through queues, offers, agents and transfers, each agent's wrap-up and its contacts.")
            .Produces<CallDetailView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, CallDetailReader calls, CancellationToken cancellationToken) =>
        await calls.ReadAsync(id, user, cancellationToken) switch
        {
            { Outcome: CallDetailOutcome.Found, Detail: { } detail } => TypedResults.Ok(detail),
            { Outcome: CallDetailOutcome.Forbidden } => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: CallAccess.RefusedWords),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "No call has this id."),
        };
}
