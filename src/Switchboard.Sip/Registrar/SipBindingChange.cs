namespace Switchboard.Sip.Registrar;

/// <summary>Why a binding appeared or went.</summary>
public enum SipBindingChange
{
    Registered,
    /// <summary>The device removed it (expires=0 or Contact: *).</summary>
    Unregistered,
    /// <summary>The device did not refresh it in time.</summary>
    Expired,
    /// <summary>A new binding of the same user took its place, the user being at the cap (<see cref="SipRegistrarOptions.MaxBindingsPerUser"/>).</summary>
    Replaced,
}
