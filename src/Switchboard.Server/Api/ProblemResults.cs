using Switchboard.Server.Admin;

namespace Switchboard.Server.Api;

/// <summary>
/// The HTTP answer for the outcome of a configuration change: the value on success, 404, 400 with errors by
/// field, or 409 naming where the thing is still used.
/// </summary>
public static class ProblemResults
{
    /// <summary>200 with the value.</summary>
    public static IResult ToOk<T>(this AdminResult<T> result) => result.ToHttpResult(value => TypedResults.Ok(value));

    /// <summary>201 with the value and its address.</summary>
    public static IResult ToCreated<T>(this AdminResult<T> result, Func<T, string> location) =>
        result.ToHttpResult(value => TypedResults.Created(location(value), value));

    /// <summary>204, for a delete.</summary>
    public static IResult ToNoContent<T>(this AdminResult<T> result) => result.ToHttpResult(_ => TypedResults.NoContent());

    public static IResult ToHttpResult<T>(this AdminResult<T> result, Func<T, IResult> succeeded) => result.Outcome switch
    {
        AdminOutcome.Ok => succeeded(result.Value!),
        AdminOutcome.NotFound => NotFound(),
        AdminOutcome.Invalid => TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(result.Errors),
            title: "The input is not valid."),
        AdminOutcome.InUse => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Still in use.",
            detail: $"It is still used by: {string.Join("; ", result.Usages)}. Remove those references first.",
            extensions: new Dictionary<string, object?> { ["usages"] = result.Usages }),
        _ => throw new InvalidOperationException($"Unknown outcome {result.Outcome}."),
    };

    /// <summary>404 as a problem, for a GET of something that does not exist.</summary>
    public static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>200 with the value, or 404 when it is null.</summary>
    public static IResult OkOrNotFound<T>(T? value) where T : class => value is null ? NotFound() : TypedResults.Ok(value);
}
