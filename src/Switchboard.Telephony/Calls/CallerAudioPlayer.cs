using System.Net.Sockets;
using Switchboard.Media.Bridging;
using Switchboard.Media.Playback;
using Switchboard.Media.Rtp;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// What the caller hears, carried out for the call core: a scenario's sound, a looped sound (music on hold, ringback),
/// the bridge to the leg they talk with, and digits sent to them. Runs on the call's flow; the sounds play elsewhere.
/// </summary>
internal sealed class CallerAudioPlayer(RtpSession caller, SoundPlayer player, TimeProvider time) : IDisposable
{
    private CancellationTokenSource? _playback;
    private CancellationTokenSource? _loop;
    private MediaBridge? _bridge;
    private Leg? _bridged;
    private Task _digitsSent = Task.CompletedTask;

    /// <summary>Plays <paramref name="sound"/> <paramref name="repeat"/> times; <paramref name="ended"/> is called when it ends, played or stopped.</summary>
    public void Play(EncodedSound sound, int repeat, Action ended)
    {
        StopPlayback();
        _playback = new CancellationTokenSource();
        _ = PlayAsync(sound, PlaybackRepeat.Count(Math.Max(1, repeat)), ended, _playback.Token);
    }

    public void StopPlayback() => Stop(ref _playback);

    /// <summary>Loops <paramref name="sound"/> until <see cref="StopLoop"/>.</summary>
    public void Loop(EncodedSound sound)
    {
        StopLoop();
        _loop = new CancellationTokenSource();
        _ = PlayAsync(sound, PlaybackRepeat.Forever, ended: null, _loop.Token);
    }

    public void StopLoop() => Stop(ref _loop);

    /// <summary>Bridges the caller with <paramref name="leg"/>, whose audio is expected from now on.</summary>
    public void BridgeTo(Leg leg)
    {
        Unbridge();
        leg.ExpectAudio(time.GetUtcNow(), peerHolds: false);
        _bridge = new MediaBridge(caller, leg.Media);
        _bridged = leg;
    }

    /// <summary>A bridge translates between the two formats it was built for: after a leg's format changed, it is built again.</summary>
    public void Rebridge()
    {
        if (_bridged is not { } bridged)
            return;
        _bridge?.Dispose();
        _bridge = new MediaBridge(caller, bridged.Media);
    }

    public void Unbridge()
    {
        _bridge?.Dispose();
        _bridge = null;
        _bridged = null;
    }

    /// <summary>Digits go to the caller one request after the other, paced as RFC 4733 events; the call does not wait for them.</summary>
    public void SendDigits(string digits, CancellationToken cancellationToken) =>
        _digitsSent = SendDigitsAfterAsync(_digitsSent, digits, cancellationToken);

    public void Dispose()
    {
        StopPlayback();
        StopLoop();
        Unbridge();
    }

    private async Task PlayAsync(EncodedSound sound, PlaybackRepeat repeat, Action? ended, CancellationToken cancellationToken)
    {
        try
        {
            await player.PlayAsync(caller, sound, repeat, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // Stopped, or the caller's media closed under the sound: the call goes on without it, or is ending.
        }
        finally
        {
            ended?.Invoke();
        }
    }

    private async Task SendDigitsAfterAsync(Task previous, string digits, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await new DtmfPlayer(time).PlayAsync(caller, digits, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The call ended while the digits were sent.
        }
    }

    private static void Stop(ref CancellationTokenSource? source)
    {
        if (source is null)
            return;
        source.Cancel();
        source.Dispose();
        source = null;
    }
}
