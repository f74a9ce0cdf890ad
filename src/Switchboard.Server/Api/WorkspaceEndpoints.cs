using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Security;
using Switchboard.Server.Workspace;
using Switchboard.Telephony;

namespace Switchboard.Server.Api;

/// <summary>
/// /api/v1/workspace: the signed-in user's workspace and what they do to the calls that ring them or that they talk
/// on. Always their own calls: a call that does not ring or connect them answers 404.
/// </summary>
public static class WorkspaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder api)
    {
        var workspace = api.MapGroup("/workspace").RequireAuthorization(Policies.Agent).WithTags("Workspace");
        workspace.MapGet("/", async (ClaimsPrincipal user, WorkspaceBoard board, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await board.GetAsync(Me(user), cancellationToken)))
            .Produces<WorkspaceView>();
        workspace.MapGet("/transfer-targets", (ClaimsPrincipal user, WorkspaceBoard board, CancellationToken cancellationToken) =>
            board.TransferTargetsAsync(Me(user), cancellationToken));

        var call = workspace.MapGroup("/calls/{callId:guid}");
        call.MapGet("/", async (Guid callId, ClaimsPrincipal user, WorkspaceBoard board, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await board.FindCallAsync(callId, Me(user), cancellationToken)))
            .Produces<WorkspaceCallView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        call.MapPost("/accept", AcceptAsync)
            .Produces<WebphoneAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        call.MapPost("/reconnect", ReconnectAsync)
            .Produces<WebphoneAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        call.MapPost("/refuse", async (Guid callId, ClaimsPrincipal user, UserCalls calls, CancellationToken cancellationToken) =>
                NoContentOrNotFound(await calls.RefuseAsync(callId, Me(user), cancellationToken)))
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        call.MapPost("/hangup", async (Guid callId, ClaimsPrincipal user, UserCalls calls, CancellationToken cancellationToken) =>
                NoContentOrNotFound(await calls.HangUpAsync(callId, Me(user), cancellationToken)))
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        call.MapPost("/hold", HoldAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        call.MapPost("/dtmf", SendDigitsAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        call.MapPost("/transfer", TransferAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        call.MapPut("/wrap-up", WrapUpAsync)
            .Produces<WrapUpView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The agent's disposition and notes for a call they talked on, once it has ended.</summary>
    private static async Task<IResult> WrapUpAsync(Guid callId, WrapUpInput input, ClaimsPrincipal user, CallWrapUps wrapUps, CancellationToken cancellationToken)
    {
        var result = await wrapUps.SaveAsync(callId, Me(user), input, cancellationToken);
        return result.Outcome switch
        {
            WrapUpOutcome.Saved => TypedResults.Ok(result.Saved),
            WrapUpOutcome.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]>(result.Errors), title: "The wrap-up is not valid."),
            WrapUpOutcome.NotYours => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not your call.",
                detail: "Only an agent who talked on this call may wrap it up."),
            WrapUpOutcome.NotEnded => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "You are still on the call.",
                detail: "Wrap the call up once your part of it has ended (you hung up or transferred it)."),
            _ => ProblemResults.NotFound(),
        };
    }

    private static async Task<IResult> AcceptAsync(Guid callId, AcceptInput input, ClaimsPrincipal user, UserCalls calls, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Sdp))
            return Invalid("sdp", "Give the webphone's SDP offer.");

        return AnswerOf(await calls.AcceptAsync(callId, Me(user), input.Sdp, cancellationToken));
    }

    /// <summary>The agent's page reloaded during a webphone call: its new peer connection takes over the call's media.</summary>
    private static async Task<IResult> ReconnectAsync(Guid callId, ReconnectInput input, ClaimsPrincipal user, UserCalls calls, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Sdp))
            return Invalid("sdp", "Give the webphone's SDP offer.");

        return AnswerOf(await calls.ReconnectWebphoneAsync(callId, Me(user), input.Sdp, cancellationToken));
    }

    /// <summary>The server's SDP answer for the page; 400 for an offer it cannot answer, 404 for a call not ringing or connecting the agent.</summary>
    private static IResult AnswerOf(WebphoneAcceptOutcome outcome) => outcome.Status switch
    {
        WebphoneAcceptStatus.Answered => TypedResults.Ok(new WebphoneAnswer(outcome.SdpAnswer ?? "")),
        WebphoneAcceptStatus.BadOffer => Invalid("sdp", outcome.Problem ?? "The offer cannot be answered."),
        _ => ProblemResults.NotFound(),
    };

    private static async Task<IResult> HoldAsync(Guid callId, HoldInput input, ClaimsPrincipal user, UserCalls calls, CancellationToken cancellationToken)
    {
        if (input.Held is not { } held)
            return Invalid("held", "Say true to hold the caller or false to take them back.");
        return NoContentOrNotFound(await calls.SetHoldAsync(callId, Me(user), held, cancellationToken));
    }

    private static async Task<IResult> SendDigitsAsync(Guid callId, DigitsInput input, ClaimsPrincipal user, UserCalls calls, CancellationToken cancellationToken)
    {
        if (!input.IsValid)
            return Invalid("digits", DigitsInput.Rule);
        return NoContentOrNotFound(await calls.SendDigitsAsync(callId, Me(user), input.Digits!, cancellationToken));
    }

    private static async Task<IResult> TransferAsync(
        Guid callId,
        TransferInput input,
        ClaimsPrincipal user,
        WorkspaceBoard board,
        UserCalls calls,
        CancellationToken cancellationToken)
    {
        if (input.ToTarget(out var errors) is not { } target)
            return TypedResults.ValidationProblem(errors, title: "The input is not valid.");
        if (await board.UnknownTargetErrorsAsync(target, cancellationToken) is { Count: > 0 } unknown)
            return TypedResults.ValidationProblem(unknown, title: "The input is not valid.");

        return await calls.TransferAsync(callId, Me(user), target, cancellationToken) switch
        {
            TransferOutcome.Transferred => TypedResults.NoContent(),
            TransferOutcome.TargetUnreachable => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The target cannot be reached.",
                detail: "They have no phone to ring, or no trunk takes the number; you are still on the call."),
            _ => ProblemResults.NotFound(),
        };
    }

    // The policy lets only signed-in users in, and every sign-in carries the user's id.
    private static Guid Me(ClaimsPrincipal user) =>
        user.GetUserId() ?? throw new InvalidOperationException("A signed-in user without a user id.");

    private static IResult NoContentOrNotFound(bool done) => done ? TypedResults.NoContent() : ProblemResults.NotFound();

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The input is not valid.");
}
