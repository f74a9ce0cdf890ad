using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Calls and answers of the configuration API that many tests share: creating things and reading problems.</summary>
public static class ConfigurationApi
{
    /// <summary>POSTs <paramref name="body"/> and returns what was created; fails the test when it was refused.</summary>
    public static async Task<T> CreateAsync<T>(HttpClient client, string url, object body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(url, body, TestJson.Options, cancellationToken);
        Assert.True(
            response.StatusCode == HttpStatusCode.Created,
            $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options, cancellationToken))!;
    }

    /// <summary>Asserts a 400 problem naming <paramref name="field"/> and returns its messages.</summary>
    public static async Task<string[]> FieldErrorAsync(HttpResponseMessage response, string field, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Read as text, which keeps the body, so that a test may ask about several fields of one answer.
        var problem = JsonSerializer.Deserialize<HttpValidationProblemDetails>(await response.Content.ReadAsStringAsync(cancellationToken), TestJson.Options);
        Assert.NotNull(problem);
        Assert.True(problem.Errors.TryGetValue(field, out var messages), $"No error for '{field}'; errors are for: {string.Join(", ", problem.Errors.Keys)}");
        Assert.NotEmpty(messages);
        return messages;
    }

    /// <summary>Asserts a 409 problem and returns its detail and where the thing is still used ("usages").</summary>
    public static async Task<(string Detail, IReadOnlyList<string> Usages)> InUseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var usages = problem.RootElement.GetProperty("usages").EnumerateArray().Select(usage => usage.GetString()!).ToList();
        return (problem.RootElement.GetProperty("detail").GetString()!, usages);
    }
}
