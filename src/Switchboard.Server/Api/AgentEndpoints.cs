using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>/api/v1/agents: agents' live state, and the status they choose (their own, or anyone's for supervisors).</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder api)
    {
        var agents = api.MapGroup("/agents").RequireAuthorization(Policies.Agent).WithTags("Agents");
        agents.MapGet("/", (AgentBoard board, CancellationToken cancellationToken) => board.ListAsync(cancellationToken))
            .RequireAuthorization(Policies.Supervisor);
        agents.MapGet("/me", async (ClaimsPrincipal user, AgentBoard board, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await board.FindAsync(user.GetUserId() ?? Guid.Empty, cancellationToken)))
            .Produces<AgentView>();
        agents.MapPut("/{id:guid}/status", SetStatusAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> SetStatusAsync(
        Guid id,
        AgentStatusInput input,
        ClaimsPrincipal user,
        IAuthorizationService authorization,
        AgentBoard board,
        CancellationToken cancellationToken)
    {
        if (user.GetUserId() != id && !(await authorization.AuthorizeAsync(user, Policies.Supervisor)).Succeeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed.",
                detail: "Agents set their own status; a supervisor may set anyone's.");
        }

        if (!input.TryGetStatus(out var status))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["status"] = [$"Must be one of: {string.Join(", ", AgentStatusInput.Names)}."] },
                title: "The input is not valid.");
        }

        return await board.SetStatusAsync(id, status, cancellationToken) ? TypedResults.NoContent() : ProblemResults.NotFound();
    }
}
