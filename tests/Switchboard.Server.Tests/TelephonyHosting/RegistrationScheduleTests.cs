using Switchboard.Server.TelephonyHosting;

namespace Switchboard.Server.Tests.TelephonyHosting;

public sealed class RegistrationScheduleTests
{
    private readonly RegistrationSchedule _schedule = new(new TrunkRegistrationOptions
    {
        FirstRetryDelay = TimeSpan.FromSeconds(30),
        MaxRetryDelay = TimeSpan.FromMinutes(10),
    });

    [Fact]
    public void A_granted_registration_is_refreshed_at_half_its_lifetime()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), _schedule.AfterSuccess(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), _schedule.AfterSuccess(TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void A_registration_granted_for_almost_no_time_is_still_not_refreshed_in_a_tight_loop()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), _schedule.AfterSuccess(TimeSpan.Zero));
    }

    [Fact]
    public void Failures_in_a_row_double_the_wait_up_to_ten_minutes()
    {
        var waits = Enumerable.Range(0, 7).Select(_ => _schedule.AfterFailure().TotalSeconds).ToList();

        Assert.Equal([30, 60, 120, 240, 480, 600, 600], waits);
    }

    [Fact]
    public void A_success_starts_the_backoff_over()
    {
        _schedule.AfterFailure();
        _schedule.AfterFailure();
        _schedule.AfterSuccess(TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromSeconds(30), _schedule.AfterFailure());
    }
}
