using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>/api/v1/numbers: the phone numbers Switchboard answers, for admins.</summary>
public static class NumberEndpoints
{
    public static IEndpointRouteBuilder MapNumberApi(this IEndpointRouteBuilder api)
    {
        var numbers = api.MapGroup("/numbers").RequireAuthorization(Policies.Admin).WithTags("Numbers");
        numbers.MapGet("/", (NumberAdmin admin, CancellationToken cancellationToken) => admin.ListAsync(cancellationToken));
        numbers.MapGet("/{id:guid}", async (Guid id, NumberAdmin admin, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await admin.GetAsync(id, cancellationToken)))
            .Produces<NumberView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        numbers.MapPost("/", async (NumberInput input, NumberAdmin admin, CancellationToken cancellationToken) =>
                (await admin.CreateAsync(input, cancellationToken)).ToCreated(number => $"/api/v1/numbers/{number.Id}"))
            .Produces<NumberView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        numbers.MapPut("/{id:guid}", async (Guid id, NumberInput input, NumberAdmin admin, CancellationToken cancellationToken) =>
                (await admin.UpdateAsync(id, input, cancellationToken)).ToOk())
            .Produces<NumberView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        numbers.MapDelete("/{id:guid}", async (Guid id, NumberAdmin admin, CancellationToken cancellationToken) =>
                (await admin.DeleteAsync(id, cancellationToken)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
