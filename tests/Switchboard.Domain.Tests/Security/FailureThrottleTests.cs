using System.Net;
using Switchboard.Domain.Security;

namespace Switchboard.Domain.Tests.Security;

public class FailureThrottleTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.66");
    private static readonly IPAddress Office = IPAddress.Parse("198.51.100.10");
    private static readonly FailureLimits Limits = new()
    {
        SourceFailures = 5,
        AccountFailures = 8,
        FirstBlock = TimeSpan.FromMinutes(1),
        MaxBlock = TimeSpan.FromMinutes(10),
        ForgetAfter = TimeSpan.FromMinutes(30),
        TrustAfterSuccess = TimeSpan.FromDays(1),
        MaxTracked = 100,
    };

    private readonly FailureThrottle _throttle = new(Limits);
    private DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private ThrottleVerdict Fail(IPAddress source, string account) => _throttle.Handle(SignInOutcome.Failure, source, account, _now);

    private void FailTimes(int times, IPAddress source, string account)
    {
        for (var i = 0; i < times; i++)
            Fail(source, account);
    }

    [Fact]
    public void Failures_below_the_threshold_block_nothing()
    {
        FailTimes(4, Attacker, "100");

        Assert.False(_throttle.Check(Attacker, "100", _now).IsBlocked);
    }

    [Fact]
    public void The_failure_that_reaches_the_threshold_blocks_the_source_for_the_first_block()
    {
        FailTimes(4, Attacker, "100");

        var verdict = Fail(Attacker, "101");

        Assert.Equal(new ThrottleVerdict(ThrottleBlock.Source, TimeSpan.FromMinutes(1), 5), verdict);
        Assert.Equal(ThrottleBlock.Source, _throttle.Check(Attacker, null, _now).Block);
    }

    [Fact]
    public void A_blocked_source_is_refused_for_any_account_until_the_block_ends()
    {
        FailTimes(5, Attacker, "100");
        _now += TimeSpan.FromSeconds(59);

        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.Check(Attacker, "200", _now).RetryAfter);
        _now += TimeSpan.FromSeconds(1);
        Assert.False(_throttle.Check(Attacker, "200", _now).IsBlocked);
    }

    [Fact]
    public void Each_failure_after_a_block_doubles_the_next_block_up_to_the_maximum()
    {
        FailTimes(5, Attacker, "100");
        var blocks = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            _now += _throttle.Check(Attacker, null, _now).RetryAfter;
            blocks.Add(Fail(Attacker, "100").RetryAfter);
        }

        Assert.Equal([2, 4, 8, 10, 10, 10], blocks.Select(block => block.TotalMinutes));
    }

    [Fact]
    public void Failures_are_forgotten_after_a_quiet_time_following_the_last_block()
    {
        FailTimes(5, Attacker, "100");
        _now += TimeSpan.FromMinutes(1) + Limits.ForgetAfter;

        var verdict = Fail(Attacker, "100");

        Assert.Equal(ThrottleVerdict.Allowed(1), verdict);
    }

    [Fact]
    public void An_account_failing_from_many_addresses_is_blocked_for_new_addresses()
    {
        for (var i = 0; i < 8; i++)
            Fail(IPAddress.Parse($"192.0.2.{i + 1}"), "alice");

        var verdict = _throttle.Check(IPAddress.Parse("192.0.2.200"), "alice", _now);

        Assert.Equal(ThrottleBlock.Account, verdict.Block);
        Assert.False(_throttle.Check(IPAddress.Parse("192.0.2.200"), "bob", _now).IsBlocked);
    }

    [Fact]
    public void An_address_that_signed_in_to_the_account_is_not_locked_out_by_attacks_from_elsewhere()
    {
        _throttle.Handle(SignInOutcome.Success, Office, "alice", _now);
        for (var i = 0; i < 8; i++)
            Fail(IPAddress.Parse($"192.0.2.{i + 1}"), "alice");

        Assert.False(_throttle.Check(Office, "alice", _now).IsBlocked);
        Assert.True(_throttle.Check(Attacker, "alice", _now).IsBlocked);
    }

    [Fact]
    public void A_success_does_not_lift_the_block_of_its_own_address()
    {
        FailTimes(5, Attacker, "100");

        Assert.True(_throttle.Handle(SignInOutcome.Success, Attacker, "100", _now).IsBlocked);
    }

    [Fact]
    public void Account_names_differing_by_case_count_together()
    {
        for (var i = 0; i < 8; i++)
            Fail(IPAddress.Parse($"192.0.2.{i + 1}"), i % 2 == 0 ? "Alice" : "ALICE");

        Assert.True(_throttle.Check(Attacker, "alice", _now).IsBlocked);
    }

    [Fact]
    public void Addresses_of_one_ipv6_64_count_as_one_source()
    {
        for (var i = 0; i < 5; i++)
            Fail(IPAddress.Parse($"2001:db8:1:2::{i + 1:x}"), $"user{i}");

        Assert.True(_throttle.Check(IPAddress.Parse("2001:db8:1:2:ffff::1"), null, _now).IsBlocked);
        Assert.False(_throttle.Check(IPAddress.Parse("2001:db8:1:3::1"), null, _now).IsBlocked);
    }

    [Fact]
    public void An_ipv4_address_mapped_to_ipv6_is_the_same_source()
    {
        FailTimes(5, Attacker, "100");

        Assert.True(_throttle.Check(Attacker.MapToIPv6(), null, _now).IsBlocked);
    }

    [Fact]
    public void A_flood_of_distinct_addresses_and_accounts_stays_within_the_bound()
    {
        for (var i = 0; i < 10_000; i++)
            Fail(new IPAddress(0x0A000000u + (uint)i), $"guess{i}");

        Assert.InRange(_throttle.Tracked, 1, 3 * Limits.MaxTracked);
    }

    [Fact]
    public void A_full_table_keeps_its_blocks_and_drops_entries_that_block_nothing()
    {
        FailTimes(5, Attacker, "100");
        for (var i = 0; i < 10_000; i++)
            Fail(new IPAddress(0x0A000000u + (uint)i), "x");

        Assert.True(_throttle.Check(Attacker, null, _now).IsBlocked);
    }

    [Fact]
    public void Entries_expire_so_the_tables_empty_after_quiet_time()
    {
        for (var i = 0; i < 50; i++)
            Fail(new IPAddress(0x0A000000u + (uint)i), $"guess{i}");

        _now += TimeSpan.FromHours(2);
        Fail(Attacker, "100");

        Assert.Equal(2, _throttle.Tracked);
    }
}
