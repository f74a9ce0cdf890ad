using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Events;
using Switchboard.Server.Security;
using Switchboard.Server.Workspace;

namespace Switchboard.Server.Api;

/// <summary>
/// GET /api/v1/events, a WebSocket of realtime events as JSON (<see cref="Events.EventMessage"/>): supervisors get
/// every event, any other user their own status, activity, offers and calls, and the calls entering and leaving
/// the queues they belong to (their workspace shows how many wait). The browser authenticates with its cookie
/// (it cannot set headers on a WebSocket), an integration with a bearer header or <c>?access_token=</c>. While the
/// socket is open its user counts as reachable for offers.
/// </summary>
public static class EventStreamEndpoints
{
    public const string Path = "/api/v1/events";

    // Both schemes are tried: the default one picks the bearer only when an Authorization header is present.
    private static readonly AuthorizationPolicy CookieOrToken =
        new AuthorizationPolicyBuilder(SwitchboardSchemes.Cookie, SwitchboardSchemes.Bearer).RequireAuthenticatedUser().Build();

    public static IEndpointRouteBuilder MapEventStreamApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/events", StreamAsync)
            .RequireAuthorization(CookieOrToken)
            .WithTags("Events")
            .ExcludeFromDescription();
        api.MapGet("/events/schema", () => TypedResults.Text(EventSchema.Text, "application/schema+json"))
            .RequireAuthorization(CookieOrToken)
            .WithTags("Events")
            .WithSummary("The JSON Schema of the events socket's messages (see docs/events.md).");
        return api;
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context,
        ClaimsPrincipal user,
        IAuthorizationService authorization,
        AcdEventStream stream,
        AgentPresence presence,
        QueueMemberships memberships,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        WebSocketOrigins origins)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Open this address as a WebSocket.");
        if (!origins.Allows(context.Request))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed from this origin.", detail: "Add it to Switchboard:Web:AllowedOrigins.");
        if (user.GetUserId() is not { } userId)
            return TypedResults.Unauthorized();

        var everything = (await authorization.AuthorizeAsync(user, Policies.Supervisor)).Succeeded;
        // Subscribed before the handshake completes, so the client misses nothing that happens once it is connected.
        using var subscription = everything
            ? stream.Subscribe(agentId: null)
            : stream.Subscribe(userId, queueId => memberships.IsMember(userId, queueId));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using (presence.Connect(userId))
            await EventSocket.PumpAsync(socket, subscription, time, lifetime.ApplicationStopping, context.RequestAborted);
        return TypedResults.Empty;
    }
}
