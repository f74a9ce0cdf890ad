using Microsoft.AspNetCore.Authentication.BearerToken;
using Switchboard.Server.Api;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Lets an integration open the events socket with <c>?access_token=</c>: a WebSocket client often cannot set an
/// Authorization header. Only that endpoint reads the query, so tokens do not end up in other URLs and logs.
/// </summary>
public static class EventStreamAccessToken
{
    public const string QueryName = "access_token";

    public static void ReadFromEventStreamQuery(BearerTokenOptions options)
    {
        var previous = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = async context =>
        {
            await previous(context).ConfigureAwait(false);
            var request = context.Request;
            if (context.Token is null
                && request.Path.Equals(EventStreamEndpoints.Path, StringComparison.OrdinalIgnoreCase)
                && request.Query.TryGetValue(QueryName, out var token)
                && !string.IsNullOrEmpty(token))
            {
                context.Token = token.ToString();
            }
        };
    }
}
