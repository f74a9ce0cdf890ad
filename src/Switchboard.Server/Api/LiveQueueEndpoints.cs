using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>GET /api/v1/queues/{id}/live: a queue now, for supervisors and for the agents who are its members.</summary>
public static class LiveQueueEndpoints
{
    public static IEndpointRouteBuilder MapLiveQueueApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/queues/{id:guid}/live", GetAsync)
            .RequireAuthorization(Policies.Agent)
            .WithTags("Supervision")
            .Produces<QueueLiveView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetAsync(
        Guid id,
        ClaimsPrincipal user,
        IAuthorizationService authorization,
        LiveQueueBoard board,
        CancellationToken cancellationToken)
    {
        var queue = await board.GetAsync(id, cancellationToken);
        if (queue is null)
            return ProblemResults.NotFound();

        var member = queue.Agents.Any(agent => agent.Id == user.GetUserId());
        if (!member && !(await authorization.AuthorizeAsync(user, Policies.Supervisor)).Succeeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed.",
                detail: "Only supervisors and the queue's members see it live.");
        }

        return TypedResults.Ok(queue);
    }
}
