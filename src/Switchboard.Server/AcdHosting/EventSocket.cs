using System.Net.WebSockets;
using System.Text.Json;
using Switchboard.Server.Events;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Sends a subscription's events down an accepted WebSocket as JSON text messages until the client closes it, the
/// connection breaks or the server stops. Whatever the client sends is read and ignored, to notice its close. When
/// the server stops, the client gets a last <c>serverStopping</c> event and the close status 1001 (going away), so
/// that the server's stop does not wait for the client and the page knows to reconnect.
/// </summary>
public static class EventSocket
{
    // Long enough for a healthy client to answer the close handshake; a vanished one is not waited for longer.
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);

    /// <param name="serverStopping">Cancelled when the server begins to stop (the host's ApplicationStopping).</param>
    /// <param name="cancellationToken">Cancelled when the client's connection is gone.</param>
    public static async Task PumpAsync(
        WebSocket socket, AcdEventSubscription subscription, TimeProvider time, CancellationToken serverStopping, CancellationToken cancellationToken)
    {
        // Receiving is never cancelled by the server's stop: a cancelled receive aborts the socket, and the client
        // would never see the close. It ends with the client's close, or is cancelled once nothing more is said.
        using var receivingEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sendingEnds = CancellationTokenSource.CreateLinkedTokenSource(receivingEnds.Token, serverStopping);
        var receiving = ReadUntilClosedAsync(socket, sendingEnds, receivingEnds.Token);
        try
        {
            await foreach (var message in subscription.Reader.ReadAllAsync(sendingEnds.Token).ConfigureAwait(false))
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(message, EventJson.Options);
                await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, sendingEnds.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (sendingEnds.IsCancellationRequested)
        {
            // The client closed, or the server is stopping.
        }
        catch (WebSocketException)
        {
            // The client went away without closing.
        }

        if (serverStopping.IsCancellationRequested)
        {
            await SayServerStoppingAsync(socket, time).ConfigureAwait(false);
            await CloseAsync(socket, WebSocketCloseStatus.EndpointUnavailable).ConfigureAwait(false);
            // The client answers the close; one that does not is not waited for longer than the handshake.
            try
            {
                await receiving.WaitAsync(CloseHandshake, time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Cancelled below.
            }
        }

        await receivingEnds.CancelAsync().ConfigureAwait(false);
        await receiving.ConfigureAwait(false);
        await CloseAsync(socket, WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
    }

    private static async Task SayServerStoppingAsync(WebSocket socket, TimeProvider time)
    {
        if (socket.State != WebSocketState.Open)
            return;
        using var timeout = new CancellationTokenSource(CloseHandshake, time);
        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes<EventMessage>(new ServerStoppingMessage(time.GetUtcNow()), EventJson.Options);
            await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Nobody is left to tell.
        }
    }

    private static async Task ReadUntilClosedAsync(WebSocket socket, CancellationTokenSource sendingEnds, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Sending ended first.
        }
        catch (WebSocketException)
        {
            // The client went away without closing.
        }

        await sendingEnds.CancelAsync().ConfigureAwait(false);
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;

        using var timeout = new CancellationTokenSource(CloseHandshake);
        try
        {
            await socket.CloseOutputAsync(status, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Nobody is left to tell.
        }
    }
}
