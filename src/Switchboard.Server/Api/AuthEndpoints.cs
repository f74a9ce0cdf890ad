using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>POST /api/v1/auth/login: a bearer token for a username and password.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync)
            .AllowAnonymous()
            .WithTags("Auth")
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, PasswordLogin login, BearerTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.Username))
            missing["username"] = ["Required."];
        if (string.IsNullOrEmpty(request.Password))
            missing["password"] = ["Required."];
        if (missing.Count > 0)
            return TypedResults.ValidationProblem(missing);

        var user = await login.VerifyAsync(request.Username, request.Password, cancellationToken);
        if (user is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong username or password.");

        var issued = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(issued.Token, issued.ExpiresAt));
    }
}
