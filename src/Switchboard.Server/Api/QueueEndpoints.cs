using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>/api/v1/queues: the distribution queues, for admins.</summary>
public static class QueueEndpoints
{
    public static IEndpointRouteBuilder MapQueueApi(this IEndpointRouteBuilder api)
    {
        var queues = api.MapGroup("/queues").RequireAuthorization(Policies.Admin).WithTags("Queues");
        queues.MapGet("/", (QueueAdmin admin, CancellationToken cancellationToken) => admin.ListAsync(cancellationToken));
        queues.MapGet("/{id:guid}", async (Guid id, QueueAdmin admin, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await admin.GetAsync(id, cancellationToken)))
            .Produces<QueueView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        queues.MapPost("/", async (QueueInput input, QueueAdmin admin, CancellationToken cancellationToken) =>
                (await admin.CreateAsync(input, cancellationToken)).ToCreated(queue => $"/api/v1/queues/{queue.Id}"))
            .Produces<QueueView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        queues.MapPut("/{id:guid}", async (Guid id, QueueInput input, QueueAdmin admin, CancellationToken cancellationToken) =>
                (await admin.UpdateAsync(id, input, cancellationToken)).ToOk())
            .Produces<QueueView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        queues.MapDelete("/{id:guid}", async (Guid id, QueueAdmin admin, CancellationToken cancellationToken) =>
                (await admin.DeleteAsync(id, cancellationToken)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
