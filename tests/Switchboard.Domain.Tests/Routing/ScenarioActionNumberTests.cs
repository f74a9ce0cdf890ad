using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public class ScenarioActionNumberTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 7)]
    public void People_count_actions_from_one_where_the_api_counts_from_zero(int index, int number)
    {
        Assert.Equal(number, ScenarioActionNumber.Of(index));
        Assert.Equal(index, ScenarioActionNumber.IndexOf(number));
    }

    [Fact]
    public void The_action_shown_as_seven_is_the_api_field_actions_6()
    {
        Assert.Equal("actions[6]", ScenarioActionNumber.Field(6));
        Assert.Equal("actions[6].queueId", ScenarioActionNumber.Field(6, "queueId"));
        Assert.Equal("Action 7", ScenarioActionNumber.Name(6));
        Assert.Equal("Action 7 (Send to queue)", ScenarioActionNumber.Name(6, ScenarioActionKind.Queue));
    }

    [Theory]
    [InlineData("actions[6]", 6)]
    [InlineData("actions[0].type", 0)]
    [InlineData("actions[12].when.hours[0].days[1]", 12)]
    [InlineData("actions", null)]
    [InlineData("actions[x].type", null)]
    [InlineData("actions[-1]", null)]
    [InlineData("actions[3]x", null)]
    [InlineData("name", null)]
    public void A_field_of_the_api_names_the_action_it_is_about(string field, int? index)
    {
        Assert.Equal(index, ScenarioActionNumber.IndexIn(field));
    }

    [Fact]
    public void Every_kind_of_action_has_a_name_people_read()
    {
        ScenarioAction[] actions =
        [
            new PlaySoundAction(Guid.NewGuid()), new QueueAction(Guid.NewGuid()), new CallUserAction(Guid.NewGuid()),
            new ForwardAction("+14155550123"), new ConditionAction(new CallerNumberCondition("+1*"), new HangupOutcome()),
            new SetVariableAction("lang", "en"), new AnswerAction(), new HangupAction(),
        ];

        Assert.Equal(Enum.GetValues<ScenarioActionKind>(), actions.Select(ScenarioActionKinds.Of));
        Assert.Equal(
            ["Play sound", "Send to queue", "Call user", "Forward", "Condition", "Set variable", "Answer", "Hang up"],
            Enum.GetValues<ScenarioActionKind>().Select(ScenarioActionKinds.Name));
    }
}
