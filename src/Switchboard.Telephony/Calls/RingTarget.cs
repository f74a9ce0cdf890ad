using Switchboard.Sip.Registrar;

namespace Switchboard.Telephony.Calls;

/// <summary>What rings for a user: the registered device <see cref="Device"/>, or their webphone when it is null.</summary>
internal sealed record RingTarget(SipBinding? Device)
{
    /// <summary>
    /// What rings for a direct call or a transfer: null when nothing can (a device not registered, or a webphone with no
    /// workspace open, which would ring nobody).
    /// </summary>
    public static RingTarget? ForDirectCall(BackToBackUserAgent owner, Guid userId) => Find(owner, userId, webphoneMustBeOpen: true);

    /// <summary>
    /// What rings for an ACD offer. The ACD offers only agents it counts reachable, which includes a workspace within its
    /// reconnect grace: the webphone rings then too, and a reloaded page shows the ringing call again.
    /// </summary>
    public static RingTarget? ForOffer(BackToBackUserAgent owner, Guid userId) => Find(owner, userId, webphoneMustBeOpen: false);

    private static RingTarget? Find(BackToBackUserAgent owner, Guid userId, bool webphoneMustBeOpen)
    {
        if (owner.Directory.FindUserPhone(userId) is not { } phone)
            return null;
        if (phone.Webphone)
            return phone.WebphoneOpen || !webphoneMustBeOpen ? new RingTarget(Device: null) : null;
        // The most preferred registered device rings; a user's further devices are not forked to.
        return phone.SipUsername is { } username && owner.Registrations.GetContacts(username) is [var device, ..] ? new RingTarget(device) : null;
    }
}
