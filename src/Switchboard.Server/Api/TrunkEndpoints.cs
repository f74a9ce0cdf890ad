using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>/api/v1/trunks: the SIP trunks, for admins.</summary>
public static class TrunkEndpoints
{
    public static IEndpointRouteBuilder MapTrunkApi(this IEndpointRouteBuilder api)
    {
        var trunks = api.MapGroup("/trunks").RequireAuthorization(Policies.Admin).WithTags("Trunks");
        trunks.MapGet("/", (TrunkAdmin admin, CancellationToken cancellationToken) => admin.ListAsync(cancellationToken));
        trunks.MapGet("/{id:guid}", async (Guid id, TrunkAdmin admin, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await admin.GetAsync(id, cancellationToken)))
            .Produces<TrunkView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        trunks.MapPost("/", async (TrunkInput input, TrunkAdmin admin, CancellationToken cancellationToken) =>
                (await admin.CreateAsync(input, cancellationToken)).ToCreated(trunk => $"/api/v1/trunks/{trunk.Id}"))
            .Produces<TrunkView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        trunks.MapPut("/{id:guid}", async (Guid id, TrunkInput input, TrunkAdmin admin, CancellationToken cancellationToken) =>
                (await admin.UpdateAsync(id, input, cancellationToken)).ToOk())
            .Produces<TrunkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        trunks.MapDelete("/{id:guid}", async (Guid id, TrunkAdmin admin, CancellationToken cancellationToken) =>
                (await admin.DeleteAsync(id, cancellationToken)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
