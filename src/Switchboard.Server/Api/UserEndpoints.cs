using Switchboard.Server.Admin.Users;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>/api/v1/users: the admin's CRUD of users, and partial updates (PATCH).</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserApi(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Admin).WithTags("Users");

        users.MapGet("/", (UserAdmin admin, CancellationToken cancellationToken) => admin.ListAsync(cancellationToken));

        users.MapGet("/{id:guid}", async (Guid id, UserAdmin admin, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await admin.GetAsync(id, cancellationToken)))
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPost("/", async (UserInput input, UserAdmin admin, CancellationToken cancellationToken) =>
                (await admin.CreateAsync(input, cancellationToken)).ToCreated(user => $"/api/v1/users/{user.Id}"))
            .Produces<UserView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        users.MapPut("/{id:guid}", async (Guid id, UserInput input, UserAdmin admin, CancellationToken cancellationToken) =>
                (await admin.UpdateAsync(id, input, cancellationToken)).ToOk())
            .Produces<UserView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapPatch("/{id:guid}", async (Guid id, UserPatch patch, UserAdmin admin, CancellationToken cancellationToken) =>
                (await admin.PatchAsync(id, patch, cancellationToken)).ToOk())
            .Produces<UserView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        users.MapDelete("/{id:guid}", async (Guid id, UserAdmin admin, CancellationToken cancellationToken) =>
                (await admin.DeleteAsync(id, cancellationToken)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
