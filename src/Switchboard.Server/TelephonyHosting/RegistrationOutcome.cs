namespace Switchboard.Server.TelephonyHosting;

/// <summary>The end of one REGISTER attempt: the lifetime the registrar granted, or why it failed.</summary>
public sealed record RegistrationOutcome(TimeSpan? Granted, string? Error)
{
    public static RegistrationOutcome Registered(TimeSpan granted) => new(granted, null);

    public static RegistrationOutcome Failed(string error) => new(null, error);
}
