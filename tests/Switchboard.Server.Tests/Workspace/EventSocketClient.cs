using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Switchboard.Server.Tests.Workspace;

/// <summary>An events socket (GET /api/v1/events) opened with a user's bearer token, read a JSON message at a time.</summary>
public sealed class EventSocketClient(WebSocket socket) : IDisposable
{
    public static async Task<EventSocketClient> ConnectAsync(TestServer server, string token, CancellationToken cancellationToken)
    {
        var client = server.CreateWebSocketClient();
        var socket = await client.ConnectAsync(new Uri($"ws://localhost/api/v1/events?access_token={Uri.EscapeDataString(token)}"), cancellationToken);
        return new EventSocketClient(socket);
    }

    /// <summary>The next message of type <paramref name="type"/>; others before it are passed over.</summary>
    public async Task<JsonElement> NextAsync(string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await NextAsync(cancellationToken);
            if (message.GetProperty("type").GetString() == type)
                return message;
        }
    }

    public async Task<JsonElement> NextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            text.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(text.ToArray()));
        return document.RootElement.Clone();
    }

    public void Dispose() => socket.Dispose();
}
