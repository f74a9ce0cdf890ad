namespace Switchboard.Telephony;

/// <summary>How a user's part in a call ended.</summary>
public enum UserLeftReason
{
    HungUp,
    CallerHungUp,
    Transferred,
    Failed,
}
