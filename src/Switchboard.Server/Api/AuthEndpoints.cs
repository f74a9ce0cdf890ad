using System.Globalization;
using System.Net;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>
/// POST /api/v1/auth/login: a bearer token for a username and password; 429 with Retry-After while the address or
/// account is blocked after too many failures.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .WithTags("Auth")
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, PasswordLogin login, BearerTokenIssuer tokens, HttpContext http,
        CancellationToken cancellationToken)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.Username))
            missing["username"] = ["Required."];
        if (string.IsNullOrEmpty(request.Password))
            missing["password"] = ["Required."];
        if (missing.Count > 0)
            return TypedResults.ValidationProblem(missing);

        var check = await login.VerifyAsync(request.Username, request.Password, http.Connection.RemoteIpAddress ?? IPAddress.None, cancellationToken);
        if (check.IsBlocked)
        {
            var seconds = (long)Math.Ceiling(check.RetryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed logins.",
                detail: $"Logins from this address or for this account are refused for {seconds} s after too many wrong passwords.");
        }
        if (check.User is not { } user)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong username or password.");

        var issued = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(issued.Token, issued.ExpiresAt));
    }
}
