using Switchboard.Sip.Registrar;

namespace Switchboard.Telephony.Calls;

/// <summary>What rings for a user: the registered device <see cref="Device"/>, or their webphone when it is null.</summary>
internal sealed record RingTarget(SipBinding? Device)
{
    /// <summary>The user's phone as they chose it; null when they have none that can ring (a device not registered).</summary>
    public static async Task<RingTarget?> FindAsync(BackToBackUserAgent owner, Guid userId, CancellationToken cancellationToken)
    {
        if (await owner.Directory.FindUserPhoneAsync(userId, cancellationToken).ConfigureAwait(false) is not { } phone)
            return null;
        // A webphone with no workspace open would ring nobody: the user is unavailable, as one without a registered device is.
        if (phone.Webphone)
            return phone.WebphoneOpen ? new RingTarget(Device: null) : null;
        // The most preferred registered device rings; a user's further devices are not forked to.
        return phone.SipUsername is { } username && owner.Registrations.GetContacts(username) is [var device, ..] ? new RingTarget(device) : null;
    }
}
