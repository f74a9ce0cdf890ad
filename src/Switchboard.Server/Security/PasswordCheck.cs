using Switchboard.Domain.Users;

namespace Switchboard.Server.Security;

/// <summary>
/// What a login came to: the <see cref="User"/> when the password was right; otherwise, when
/// <see cref="RetryAfter"/> is above zero, the address or account was blocked and the password was not even checked.
/// </summary>
public sealed record PasswordCheck(User? User, TimeSpan RetryAfter)
{
    public bool IsBlocked => RetryAfter > TimeSpan.Zero;
}
