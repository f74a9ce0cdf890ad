using Switchboard.Domain.Routing;
using Switchboard.Telephony;

namespace Switchboard.Domain.Tests.Routing;

public class ScenarioReferenceSetTests
{
    [Fact]
    public void Saved_things_are_found_by_id_and_others_are_not()
    {
        var sound = Guid.NewGuid();
        var queue = Guid.NewGuid();
        var user = Guid.NewGuid();
        var scenario = new Scenario { Name = "Support", Actions = [new HangupAction()] };

        var references = new ScenarioReferenceSet([sound], [queue], [user], [scenario], new SipAddressSyntax());

        Assert.True(references.SoundExists(sound));
        Assert.False(references.SoundExists(queue));
        Assert.True(references.QueueExists(queue));
        Assert.False(references.QueueExists(user));
        Assert.True(references.UserExists(user));
        Assert.False(references.UserExists(sound));
        Assert.Equal("Support", references.ScenarioName(scenario.Id));
        Assert.Null(references.ScenarioName(Guid.NewGuid()));
    }

    [Fact]
    public void Go_to_targets_are_read_from_the_conditions_of_each_scenario()
    {
        var billing = Guid.NewGuid();
        var overflow = Guid.NewGuid();
        var scenario = new Scenario
        {
            Name = "Support",
            Actions =
            [
                new ConditionAction(new CallerNumberCondition("+33*"), new GoToScenarioOutcome(billing)),
                new ConditionAction(new NoReadyAgentsCondition(Guid.NewGuid()), new GoToScenarioOutcome(overflow)),
                new ConditionAction(new CallerNumberCondition("+34*"), new GoToScenarioOutcome(billing)),
                new ConditionAction(new CallerNumberCondition("+35*"), new SkipToOutcome(4)),
                new HangupAction(),
            ],
        };

        var references = new ScenarioReferenceSet([], [], [], [scenario], new SipAddressSyntax());

        Assert.Equal([billing, overflow], references.GoToTargetsOf(scenario.Id));
        Assert.Empty(references.GoToTargetsOf(Guid.NewGuid()));
    }
}
