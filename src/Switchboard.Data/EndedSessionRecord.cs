namespace Switchboard.Data;

/// <summary>
/// A browser session that was logged out: its cookie is refused from then on, on every node, until the cookie
/// would have expired anyway (<see cref="Until"/>), after which the row may go.
/// </summary>
public sealed class EndedSessionRecord
{
    /// <summary>The session id the login put in the cookie.</summary>
    public required string SessionId { get; init; }

    public required DateTimeOffset Until { get; init; }
}
