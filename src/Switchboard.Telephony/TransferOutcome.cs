namespace Switchboard.Telephony;

public enum TransferOutcome
{
    /// <summary>The user left the call; it goes on to the target.</summary>
    Transferred,

    /// <summary>The call is gone, or the user is not connected to it.</summary>
    NoSuchCall,

    /// <summary>The target has no phone, or no trunk takes the number: the user stays on the call.</summary>
    TargetUnreachable,
}
