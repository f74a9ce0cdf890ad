using System.Net;
using Switchboard.Domain.Security;

namespace Switchboard.Server.Security;

/// <summary>
/// The brute-force limits of one door (SIP devices or web logins): the <see cref="FailureThrottle"/> core under a
/// lock, with the clock, and one log line per failure carrying the source address, for fail2ban (docs/security.md).
/// Answers from memory, so the SIP loop may call it.
/// </summary>
public sealed partial class SignInThrottle
{
    private const int MaxLoggedAccountLength = 64;

    private readonly FailureThrottle _core;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _door;

    /// <param name="door">Named in every log line: "sip" or "web".</param>
    public SignInThrottle(FailureLimits limits, TimeProvider time, ILogger<SignInThrottle> logger, string door)
    {
        _core = new FailureThrottle(limits);
        _time = time;
        _logger = logger;
        _door = door;
    }

    /// <summary>How long attempts from <paramref name="source"/> (for <paramref name="account"/>, when known) are refused; zero when allowed.</summary>
    public TimeSpan RefusedFor(IPAddress source, string? account)
    {
        lock (_gate)
            return _core.Check(source, account, _time.GetUtcNow()).RetryAfter;
    }

    public void Failed(IPAddress source, string account, string reason)
    {
        ThrottleVerdict verdict;
        lock (_gate)
            verdict = _core.Handle(SignInOutcome.Failure, source, account, _time.GetUtcNow());
        var shown = Printable(account);
        LogFailed(_logger, source, shown, _door, reason);
        if (verdict.IsBlocked)
            LogBlocked(_logger, source, shown, _door, verdict.Block, (long)Math.Ceiling(verdict.RetryAfter.TotalSeconds), verdict.Failures);
    }

    public void Succeeded(IPAddress source, string account)
    {
        lock (_gate)
            _core.Handle(SignInOutcome.Success, source, account, _time.GetUtcNow());
    }

    /// <summary>The account as the attacker typed it, made safe for one log line: no control characters or quotes, bounded length.</summary>
    private static string Printable(string account)
    {
        var shown = account.Length > MaxLoggedAccountLength ? account[..MaxLoggedAccountLength] : account;
        return string.Create(shown.Length, shown, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
                span[i] = char.IsControl(text[i]) || text[i] is '\'' or '"' or '\\' ? '?' : text[i];
        });
    }

    // fail2ban matches this line: keep "Sign-in failed from <address> " at its start.
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sign-in failed from {Source} for '{Account}' on {Door}: {Reason}")]
    private static partial void LogFailed(ILogger logger, IPAddress source, string account, string door, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Sign-in blocked from {Source} for '{Account}' on {Door}: {Block} blocked for {Seconds} s after {Failures} failures")]
    private static partial void LogBlocked(ILogger logger, IPAddress source, string account, string door, ThrottleBlock block, long seconds, int failures);
}
