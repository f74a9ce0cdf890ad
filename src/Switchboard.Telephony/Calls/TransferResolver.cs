namespace Switchboard.Telephony.Calls;

/// <summary>Looks up what a transfer target needs (a user's phone, a queue's music, a forward's address); null when it cannot be reached.</summary>
internal static class TransferResolver
{
    public static async Task<ResolvedTransfer?> ResolveAsync(BackToBackUserAgent owner, TransferTarget target, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case TransferToUser user:
                return RingTarget.ForDirectCall(owner, user.UserId) is { } ringTarget ? new UserTransfer(user.UserId, ringTarget) : null;
            case TransferToQueue queue:
                return new QueueTransfer(queue.QueueId, owner.Directory.FindQueueMusic(queue.QueueId) ?? BuiltInSounds.HoldMusic);
            case TransferToNumber number:
                var forward = await ForwardTarget.ResolveAsync(owner, number.Destination, cancellationToken).ConfigureAwait(false);
                return forward.Destination is { } destination ? new ForwardTransfer(forward, destination) : null;
            default:
                throw new ArgumentException($"Unknown transfer target {target.GetType().Name}.", nameof(target));
        }
    }
}
