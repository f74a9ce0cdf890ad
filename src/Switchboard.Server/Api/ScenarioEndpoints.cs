using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>/api/v1/scenarios: the scenarios calls run through, for admins.</summary>
public static class ScenarioEndpoints
{
    public static IEndpointRouteBuilder MapScenarioApi(this IEndpointRouteBuilder api)
    {
        var scenarios = api.MapGroup("/scenarios").RequireAuthorization(Policies.Admin).WithTags("Scenarios");
        scenarios.MapGet("/", (ScenarioAdmin admin, CancellationToken cancellationToken) => admin.ListAsync(cancellationToken));
        scenarios.MapGet("/{id:guid}", async (Guid id, ScenarioAdmin admin, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await admin.GetAsync(id, cancellationToken)))
            .Produces<ScenarioView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapPost("/", async (ScenarioInput input, ScenarioAdmin admin, CancellationToken cancellationToken) =>
                (await admin.CreateAsync(input, cancellationToken)).ToCreated(scenario => $"/api/v1/scenarios/{scenario.Id}"))
            .Produces<ScenarioView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        scenarios.MapPut("/{id:guid}", async (Guid id, ScenarioInput input, ScenarioAdmin admin, CancellationToken cancellationToken) =>
                (await admin.UpdateAsync(id, input, cancellationToken)).ToOk())
            .Produces<ScenarioView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        scenarios.MapDelete("/{id:guid}", async (Guid id, ScenarioAdmin admin, CancellationToken cancellationToken) =>
                (await admin.DeleteAsync(id, cancellationToken)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        // Checks a draft without saving it (id of the scenario being edited, if saved), so an editor can show each
        // action's problems while the admin types.
        scenarios.MapPost("/validation", async (Guid? id, ScenarioInput input, ScenarioAdmin admin, CancellationToken cancellationToken) =>
                TypedResults.Ok(await admin.ValidateAsync(id, input, cancellationToken)))
            .Produces<IReadOnlyList<ValidationIssue>>();
        return api;
    }
}
