using System.Net;
using System.Net.Sockets;

namespace Switchboard.Domain.Security;

/// <summary>
/// Brute-force limits for sign-ins (SIP digest, web logins), as a pure state machine: failures are counted per
/// source address and per account; past a threshold each failure blocks for a time that doubles (see
/// <see cref="FailureLimits"/>). While blocked, attempts are refused before any password is checked, so the right
/// password does not get in either. An address that signed in to an account is exempt from that account's block
/// (not from its own), so an attacker elsewhere cannot lock a working phone out. IPv6 addresses count per /64, the
/// block a single host is usually given. Each table holds at most <see cref="FailureLimits.MaxTracked"/> entries:
/// when full, entries that block nothing are dropped first; if all block, new addresses go untracked (the account
/// limit still holds) rather than evicting a block. Not thread-safe: one owner calls it.
/// </summary>
public sealed class FailureThrottle
{
    private const int MaxAccountLength = 128;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly FailureLimits _limits;
    private readonly Dictionary<IPAddress, Counter> _sources = [];
    private readonly Dictionary<string, Counter> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, IPAddress Source), DateTimeOffset> _trusted = [];
    private DateTimeOffset _nextSweep;

    public FailureThrottle(FailureLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>Entries held in all tables: bounded by three times <see cref="FailureLimits.MaxTracked"/>.</summary>
    public int Tracked => _sources.Count + _accounts.Count + _trusted.Count;

    /// <summary>
    /// Whether an attempt from <paramref name="source"/> (for <paramref name="account"/>, once known) is refused
    /// now, before anything is checked.
    /// </summary>
    public ThrottleVerdict Check(IPAddress source, string? account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sourceKey = SourceKey(source);
        var sourceFailures = 0;
        if (_sources.TryGetValue(sourceKey, out var bySource))
        {
            if (bySource.BlockedUntil > now)
                return new ThrottleVerdict(ThrottleBlock.Source, bySource.BlockedUntil - now, bySource.Failures);
            sourceFailures = bySource.IsForgotten(now, _limits) ? 0 : bySource.Failures;
        }
        if (account is not null && _accounts.TryGetValue(AccountKey(account), out var byAccount) && byAccount.BlockedUntil > now
            && !IsTrusted(AccountKey(account), sourceKey, now))
        {
            return new ThrottleVerdict(ThrottleBlock.Account, byAccount.BlockedUntil - now, byAccount.Failures);
        }
        return ThrottleVerdict.Allowed(sourceFailures);
    }

    /// <summary>
    /// Records a checked attempt. A failure counts for the address and the account and may start a block (the
    /// verdict then says so); a success trusts the address for the account. Call only for attempts
    /// <see cref="Check"/> allowed.
    /// </summary>
    public ThrottleVerdict Handle(SignInOutcome outcome, IPAddress source, string account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(account);
        if (now >= _nextSweep)
        {
            Sweep(now, dropUnblocked: false);
            _nextSweep = now + SweepInterval;
        }
        var sourceKey = SourceKey(source);
        var accountKey = AccountKey(account);
        if (outcome == SignInOutcome.Success)
        {
            if (_trusted.ContainsKey((accountKey, sourceKey)) || HasRoom(_trusted.Count, now))
                _trusted[(accountKey, sourceKey)] = now + _limits.TrustAfterSuccess;
            return Check(source, account, now);
        }

        var bySource = Counted(_sources, sourceKey, now);
        var byAccount = Counted(_accounts, accountKey, now);
        var sourceBlock = bySource?.Fail(now, _limits.SourceFailures, _limits) ?? TimeSpan.Zero;
        var accountBlock = byAccount?.Fail(now, _limits.AccountFailures, _limits) ?? TimeSpan.Zero;
        if (sourceBlock > TimeSpan.Zero)
            return new ThrottleVerdict(ThrottleBlock.Source, sourceBlock, bySource!.Failures);
        if (accountBlock > TimeSpan.Zero && !IsTrusted(accountKey, sourceKey, now))
            return new ThrottleVerdict(ThrottleBlock.Account, accountBlock, byAccount!.Failures);
        return ThrottleVerdict.Allowed(bySource?.Failures ?? 0);
    }

    private Counter? Counted<TKey>(Dictionary<TKey, Counter> table, TKey key, DateTimeOffset now)
        where TKey : notnull
    {
        if (table.TryGetValue(key, out var counter))
        {
            if (counter.IsForgotten(now, _limits))
                counter.Reset();
            return counter;
        }
        if (!HasRoom(table.Count, now))
            return null;
        counter = new Counter();
        table[key] = counter;
        return counter;
    }

    /// <summary>Room for one more entry in a table of <paramref name="count"/>, after dropping what can go.</summary>
    private bool HasRoom(int count, DateTimeOffset now)
    {
        if (count < _limits.MaxTracked)
            return true;
        Sweep(now, dropUnblocked: true);
        return _sources.Count < _limits.MaxTracked && _accounts.Count < _limits.MaxTracked && _trusted.Count < _limits.MaxTracked;
    }

    private void Sweep(DateTimeOffset now, bool dropUnblocked)
    {
        Drop(_sources, now, dropUnblocked);
        Drop(_accounts, now, dropUnblocked);
        foreach (var expired in _trusted.Where(entry => entry.Value <= now).Select(entry => entry.Key).ToList())
            _trusted.Remove(expired);
    }

    private void Drop<TKey>(Dictionary<TKey, Counter> table, DateTimeOffset now, bool dropUnblocked)
        where TKey : notnull
    {
        foreach (var key in table.Where(entry => entry.Value.IsForgotten(now, _limits) || (dropUnblocked && entry.Value.BlockedUntil <= now))
                     .Select(entry => entry.Key).ToList())
        {
            table.Remove(key);
        }
    }

    private bool IsTrusted(string accountKey, IPAddress sourceKey, DateTimeOffset now) =>
        _trusted.TryGetValue((accountKey, sourceKey), out var until) && until > now;

    private static string AccountKey(string account)
    {
        var trimmed = account.Trim();
        return (trimmed.Length > MaxAccountLength ? trimmed[..MaxAccountLength] : trimmed).ToUpperInvariant();
    }

    private static IPAddress SourceKey(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address;
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private sealed class Counter
    {
        public int Failures { get; private set; }

        public DateTimeOffset LastFailure { get; private set; }

        public DateTimeOffset BlockedUntil { get; private set; }

        /// <summary>Quiet long enough since its last failure or block.</summary>
        public bool IsForgotten(DateTimeOffset now, FailureLimits limits) =>
            Failures > 0 && now >= (BlockedUntil > LastFailure ? BlockedUntil : LastFailure) + limits.ForgetAfter;

        public void Reset()
        {
            Failures = 0;
            BlockedUntil = default;
        }

        /// <summary>Counts a failure; the block it starts, or zero.</summary>
        public TimeSpan Fail(DateTimeOffset now, int threshold, FailureLimits limits)
        {
            Failures++;
            LastFailure = now;
            if (Failures < threshold)
                return TimeSpan.Zero;
            var doublings = Math.Min(Failures - threshold, 20);
            var block = TimeSpan.FromTicks(Math.Min(limits.FirstBlock.Ticks * (1L << doublings), limits.MaxBlock.Ticks));
            if (block < TimeSpan.Zero || block > limits.MaxBlock)
                block = limits.MaxBlock;
            BlockedUntil = now + block;
            return block;
        }
    }
}
