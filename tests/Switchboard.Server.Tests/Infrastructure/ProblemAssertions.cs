using System.Net;
using System.Text.Json;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Checks on the application/problem+json answers a client gets.</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts the status and problem content type, and returns the problem's JSON.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a 400 validation problem with errors for <paramref name="field"/>, and returns its messages.</summary>
    public static async Task<IReadOnlyList<string>> ReadFieldErrorsAsync(this HttpResponseMessage response, string field, CancellationToken cancellationToken)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, cancellationToken);
        Assert.True(problem.TryGetProperty("errors", out var errors), "The problem has no errors by field.");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}.");
        return [.. messages.EnumerateArray().Select(message => message.GetString()!)];
    }
}
