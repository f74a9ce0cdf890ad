using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Switchboard.Server.Api;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, a wrong value type, no body) into a 400 problem
/// with errors by field (see <see cref="UnreadableBody"/>); everything else is left to the generic 500 problem.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        // The handler runs with the endpoint cleared; the feature keeps the one that failed.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var accepts = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>();
        var body = UnreadableBody.For(badRequest, accepts, httpContext.Request, json.Value.SerializerOptions);
        var status = body is null ? badRequest.StatusCode : StatusCodes.Status400BadRequest;
        httpContext.Response.StatusCode = status;
        var problem = body is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Detail = badRequest.Message }
            : new HttpValidationProblemDetails(body.Errors.ToDictionary()) { Detail = string.Join(" ", body.Errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}")) };
        problem.Status = status;
        problem.Title = "The request could not be read.";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
