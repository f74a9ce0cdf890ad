using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, a wrong value type, a missing form field) into a
/// 400 problem that says what was wrong; everything else is left to the generic 500 problem.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var detail = badRequest.InnerException is JsonException json
            ? $"{badRequest.Message} {json.Message}"
            : badRequest.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = detail,
            },
        });
    }
}
