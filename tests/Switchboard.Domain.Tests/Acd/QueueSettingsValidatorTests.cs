using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Acd;

public class QueueSettingsValidatorTests
{
    private static Guid Alice { get; } = Guid.NewGuid();
    private static Guid Bob { get; } = Guid.NewGuid();
    private static Guid Music { get; } = Guid.NewGuid();

    private static ValidationReport Validate(DistributionQueue queue) =>
        QueueSettingsValidator.Validate(queue, id => id == Alice || id == Bob, id => id == Music);

    private static (string Field, string Message) OnlyError(DistributionQueue queue)
    {
        var issue = Assert.Single(Validate(queue).Issues);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Null(issue.ActionIndex);
        return (issue.Field, issue.Message);
    }

    [Fact]
    public void A_queue_with_default_settings_and_known_members_is_valid()
    {
        var queue = new DistributionQueue
        {
            Name = "Sales",
            MusicOnHoldSoundId = Music,
            Members = [new QueueMember(Alice, 1, 0), new QueueMember(Bob, 2, 0)],
        };

        Assert.Empty(Validate(queue).Issues);
    }

    [Fact]
    public void A_queue_at_every_upper_limit_is_valid()
    {
        var queue = new DistributionQueue
        {
            Name = new string('q', 100),
            Priority = 100,
            RingTimeoutSeconds = 300,
            MaxWaitSeconds = 86400,
            MaxWaitingCalls = 10000,
            WrapUpSeconds = 3600,
            MaxNoAnswer = 100,
            Members = [new QueueMember(Alice, 10, 9999)],
        };

        Assert.Empty(Validate(queue).Issues);
    }

    [Fact]
    public void A_queue_at_every_lower_limit_is_valid()
    {
        var queue = new DistributionQueue
        {
            Name = "q",
            Priority = 0,
            RingTimeoutSeconds = 5,
            MaxWaitSeconds = 0,
            MaxWaitingCalls = 0,
            WrapUpSeconds = 0,
            MaxNoAnswer = 0,
            Members = [new QueueMember(Alice, 1, 0)],
        };

        Assert.Empty(Validate(queue).Issues);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_queue_needs_a_name(string name)
    {
        Assert.Equal(("name", "Enter a name"), OnlyError(new DistributionQueue { Name = name }));
    }

    [Fact]
    public void A_name_longer_than_100_characters_is_refused()
    {
        Assert.Equal(("name", "Too long: a name has at most 100 characters"), OnlyError(new DistributionQueue { Name = new string('q', 101) }));
    }

    [Fact]
    public void Settings_beyond_their_ranges_are_each_reported_by_field_with_the_range()
    {
        var queue = new DistributionQueue
        {
            Name = "Sales",
            Priority = 101,
            RingTimeoutSeconds = 4,
            MaxWaitSeconds = 86401,
            MaxWaitingCalls = -1,
            WrapUpSeconds = 3601,
            MaxNoAnswer = 101,
        };

        Assert.Equal(
            [
                ("priority", "Priority is from 0 to 100"),
                ("ringTimeoutSeconds", "Ring each agent for 5 to 300 seconds"),
                ("maxWaitSeconds", "Maximum wait is 0 (no limit) to 86400 seconds (24 hours)"),
                ("maxWaitingCalls", "Maximum waiting calls is 0 (no limit) to 10000"),
                ("wrapUpSeconds", "Wrap-up is 0 to 3600 seconds (1 hour)"),
                ("maxNoAnswer", "Unanswered offers is 0 (never set Not available) to 100"),
            ],
            Validate(queue).Errors.Select(issue => (issue.Field, issue.Message)));
    }

    [Fact]
    public void Negative_settings_are_refused()
    {
        var queue = new DistributionQueue
        {
            Name = "Sales",
            Priority = -1,
            RingTimeoutSeconds = -1,
            MaxWaitSeconds = -1,
            MaxWaitingCalls = -1,
            WrapUpSeconds = -1,
            MaxNoAnswer = -1,
        };

        Assert.Equal(
            ["priority", "ringTimeoutSeconds", "maxWaitSeconds", "maxWaitingCalls", "wrapUpSeconds", "maxNoAnswer"],
            Validate(queue).Errors.Select(issue => issue.Field));
    }

    [Fact]
    public void An_undefined_strategy_is_refused()
    {
        Assert.Equal(("strategy", "Choose how agents are picked"), OnlyError(new DistributionQueue { Name = "Sales", Strategy = (QueueStrategy)42 }));
    }

    [Fact]
    public void Unknown_music_on_hold_is_refused()
    {
        Assert.Equal(("musicOnHoldSoundId", "Sound not found"), OnlyError(new DistributionQueue { Name = "Sales", MusicOnHoldSoundId = Guid.NewGuid() }));
    }

    [Fact]
    public void A_member_who_is_not_a_user_is_refused()
    {
        var queue = new DistributionQueue { Name = "Sales", Members = [new QueueMember(Alice, 1, 0), new QueueMember(Guid.NewGuid(), 1, 1)] };

        Assert.Equal(("members[1].userId", "User not found"), OnlyError(queue));
    }

    [Fact]
    public void A_member_without_a_user_asks_for_one()
    {
        var queue = new DistributionQueue { Name = "Sales", Members = [new QueueMember(Guid.Empty, 1, 0)] };

        Assert.Equal(("members[0].userId", "Choose a user"), OnlyError(queue));
    }

    [Fact]
    public void The_same_user_twice_is_reported_on_the_second_entry()
    {
        var queue = new DistributionQueue
        {
            Name = "Sales",
            Members = [new QueueMember(Alice, 1, 0), new QueueMember(Bob, 1, 1), new QueueMember(Alice, 2, 0)],
        };

        Assert.Equal(("members[2].userId", "This user is already a member of the queue"), OnlyError(queue));
    }

    [Theory]
    [InlineData(0, 0, "members[0].level")]
    [InlineData(11, 0, "members[0].level")]
    [InlineData(1, -1, "members[0].position")]
    [InlineData(1, 10000, "members[0].position")]
    public void Member_level_and_position_stay_in_range(int level, int position, string field)
    {
        var queue = new DistributionQueue { Name = "Sales", Members = [new QueueMember(Alice, level, position)] };

        Assert.Equal(field, OnlyError(queue).Field);
    }

    [Fact]
    public void Errors_come_out_grouped_by_field_for_the_admin_answer()
    {
        var queue = new DistributionQueue { Name = "", Members = [new QueueMember(Guid.NewGuid(), 0, 0)] };

        var errors = Validate(queue).ErrorsByField();

        Assert.Equal(["members[0].level", "members[0].userId", "name"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
