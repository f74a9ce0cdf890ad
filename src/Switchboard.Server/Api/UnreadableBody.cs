using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Scenarios;

namespace Switchboard.Server.Api;

/// <summary>
/// What a client is told when the framework could not read its request: the status and the errors by field, in
/// the client's words, never a .NET type or parameter name.
/// </summary>
/// <param name="Errors">Field (as in the JSON, or <c>body</c>) → messages.</param>
public sealed record UnreadableBody(IReadOnlyDictionary<string, string[]> Errors)
{
    public const string NoBody = "The request has no body: send a JSON object.";
    public const string NullBody = "The body is null: send a JSON object.";
    public const string NotJsonType = "Send the body as a JSON object, with Content-Type: application/json.";

    /// <summary>
    /// The answer for <paramref name="exception"/> on an endpoint that reads a JSON body of
    /// <paramref name="accepts"/>' type; null when the failure is not about the body.
    /// </summary>
    public static UnreadableBody? For(BadHttpRequestException exception, IAcceptsMetadata? accepts, HttpRequest request, JsonSerializerOptions options)
    {
        if (exception.InnerException is JsonException json)
            return Invalid(JsonError(json, accepts?.RequestType, options));
        if (accepts?.RequestType is null)
            return null;
        if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            return Invalid((JsonInputPath.Body, NoBody));
        // A query value that did not bind is not the body's fault; without one, the body was read and was the literal null.
        return request.QueryString.HasValue ? null : Invalid((JsonInputPath.Body, NullBody));
    }

    /// <summary>The framework answers a body in another format with a bare 415, not an exception: say what to send.</summary>
    public static void DescribeUnsupportedMediaType(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || context.ProblemDetails.Detail is not null)
            return;
        context.ProblemDetails.Detail = NotJsonType;
        context.ProblemDetails.Extensions["errors"] = ErrorsOf((JsonInputPath.Body, NotJsonType));
    }

    private static (string Field, string Message) JsonError(JsonException json, Type? root, JsonSerializerOptions options)
    {
        // The serializer wraps the reader's own exception: the text is not JSON at all.
        if (json.InnerException is JsonException)
            return (JsonInputPath.Body, $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).");
        var path = JsonInputPath.Resolve(options, root, json.Path);
        var message = JsonValueWords.MustBe(options, path.Expected);
        // A scenario's action is named as people count it (and as the editor shows it): "Action 1: must say what it is...".
        if (root == typeof(ScenarioInput) && ScenarioActionNumber.IndexIn(path.Field) is { } index)
            message = $"{ScenarioActionNumber.Name(index)}: {char.ToLowerInvariant(message[0])}{message[1..]}";
        return (path.Field, message);
    }

    private static UnreadableBody Invalid((string Field, string Message) error) => new(ErrorsOf(error));

    private static Dictionary<string, string[]> ErrorsOf((string Field, string Message) error) => new() { [error.Field] = [error.Message] };
}
