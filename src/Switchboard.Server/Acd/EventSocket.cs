using System.Net.WebSockets;
using System.Text.Json;

namespace Switchboard.Server.Acd;

/// <summary>
/// Sends a subscription's events down an accepted WebSocket as JSON text messages until the client closes it, the
/// connection breaks or the server stops. Whatever the client sends is read and ignored, to notice its close.
/// </summary>
public static class EventSocket
{
    // Long enough for a healthy client to answer the close handshake; a vanished one is not waited for longer.
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);

    public static async Task PumpAsync(WebSocket socket, AcdEventSubscription subscription, CancellationToken cancellationToken)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReadUntilClosedAsync(socket, ended);
        try
        {
            await foreach (var message in subscription.Reader.ReadAllAsync(ended.Token).ConfigureAwait(false))
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(message, AcdEventJson.Options);
                await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, ended.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client closed, or the server is stopping.
        }
        catch (WebSocketException)
        {
            // The client went away without closing.
        }
        finally
        {
            await ended.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }

        await CloseAsync(socket).ConfigureAwait(false);
    }

    private static async Task ReadUntilClosedAsync(WebSocket socket, CancellationTokenSource ended)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, ended.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // Sending ended first.
        }
        catch (WebSocketException)
        {
            // The client went away without closing.
        }

        await ended.CancelAsync().ConfigureAwait(false);
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;

        using var timeout = new CancellationTokenSource(CloseHandshake);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Nobody is left to tell.
        }
    }
}
