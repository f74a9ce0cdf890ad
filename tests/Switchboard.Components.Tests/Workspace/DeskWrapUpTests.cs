using Switchboard.Server.Components.Workspace;
using Switchboard.Server.Workspace;

namespace Switchboard.Components.Tests.Workspace;

/// <summary>Which wrap-up the desk opens again when it opens (a reload, a new tab): the agent's latest call, left unsaved.</summary>
public sealed class DeskWrapUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_latest_call_left_unsaved_minutes_ago_is_opened_again()
    {
        var latest = Recent("+14155550123", leftAgo: TimeSpan.FromMinutes(3));

        Assert.Equal(new DeskWrapUp(latest.CallId, "+14155550123"),
            DeskWrapUp.Unfinished([Recent("+14155550999", leftAgo: TimeSpan.FromMinutes(20)), latest], Now));
    }

    [Fact]
    public void A_latest_call_already_wrapped_up_opens_none_even_if_an_older_one_was_not()
    {
        Assert.Null(DeskWrapUp.Unfinished(
            [Recent("+14155550123", leftAgo: TimeSpan.FromMinutes(3), wrappedUp: true), Recent("+14155550999", leftAgo: TimeSpan.FromMinutes(20))], Now));
    }

    [Fact]
    public void A_call_left_unsaved_longer_ago_than_the_reopening_time_is_not_brought_back()
    {
        Assert.NotNull(DeskWrapUp.Unfinished([Recent("+14155550123", leftAgo: DeskWrapUp.ReopenedFor - TimeSpan.FromSeconds(1))], Now));
        Assert.Null(DeskWrapUp.Unfinished([Recent("+14155550123", leftAgo: DeskWrapUp.ReopenedFor)], Now));
    }

    [Fact]
    public void A_withheld_caller_is_named_as_the_caller_and_no_calls_open_none()
    {
        Assert.Equal("the caller", DeskWrapUp.Unfinished([Recent(null, leftAgo: TimeSpan.FromMinutes(1))], Now)?.Caller);
        Assert.Null(DeskWrapUp.Unfinished([], Now));
    }

    private static RecentCallView Recent(string? caller, TimeSpan leftAgo, bool wrappedUp = false) => new(
        Guid.CreateVersion7(), caller, null, null, Now - leftAgo - TimeSpan.FromMinutes(2), Now - leftAgo - TimeSpan.FromMinutes(2),
        Now - leftAgo, "answeredFromQueue", Now - leftAgo - TimeSpan.FromMinutes(2), Now - leftAgo, "hungUp", null,
        wrappedUp ? Now - leftAgo : null);
}
