using Switchboard.Server.AcdHosting;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>
/// GET /api/v1/queue-events?after=&amp;queueId=&amp;limit=: the queue event log for supervisors and reports, in the
/// order the events happened; a reader replays it by asking again after the last sequence it got.
/// </summary>
public static class QueueEventEndpoints
{
    public static IEndpointRouteBuilder MapQueueEventApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/queue-events", (QueueEventLog log, CancellationToken cancellationToken, long after = 0, Guid? queueId = null, int limit = 500) =>
                log.ReadAsync(after, queueId, limit, cancellationToken))
            .RequireAuthorization(Policies.Supervisor)
            .WithTags("Supervision")
            .Produces<IReadOnlyList<QueueEventView>>();
        return api;
    }
}
