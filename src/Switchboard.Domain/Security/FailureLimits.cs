namespace Switchboard.Domain.Security;

/// <summary>
/// When failed sign-ins block further attempts. Past <see cref="SourceFailures"/> failures from one address, or
/// <see cref="AccountFailures"/> for one account, each further failure blocks for <see cref="FirstBlock"/>,
/// doubling up to <see cref="MaxBlock"/>. Counts are forgotten <see cref="ForgetAfter"/> after the last block
/// (or failure) ended.
/// </summary>
public sealed record FailureLimits
{
    /// <summary>Failures one source address may make before it is blocked; an office behind one NAT shares it.</summary>
    public int SourceFailures { get; init; } = 10;

    /// <summary>Failures one account may take (from anywhere) before it is blocked for addresses it never signed in from.</summary>
    public int AccountFailures { get; init; } = 20;

    public TimeSpan FirstBlock { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxBlock { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a successful sign-in from an address exempts that address from the account's block, so that an
    /// attacker elsewhere cannot lock a working phone out.
    /// </summary>
    public TimeSpan TrustAfterSuccess { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Entries kept per table (addresses, accounts, trusted pairs), so a flood of distinct addresses cannot grow memory.</summary>
    public int MaxTracked { get; init; } = 50_000;
}
