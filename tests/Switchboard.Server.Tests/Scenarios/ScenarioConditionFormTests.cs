using Switchboard.Domain.Routing;
using Switchboard.Server.Components.Pages.Admin.Scenarios;

namespace Switchboard.Server.Tests.Scenarios;

public class ScenarioConditionFormTests
{
    private static readonly Guid Support = Guid.NewGuid();

    [Fact]
    public void A_queue_load_condition_reads_back_from_its_form_unchanged()
    {
        var condition = new QueueLoadCondition(Support, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: null) { Negate = true };

        Assert.Equal(condition, ScenarioConditionForm.From(condition).ToCondition());
    }

    [Theory]
    [InlineData("", "90", null, 90)]
    [InlineData(" ", "", null, null)]
    [InlineData("five", "90", -1, 90)]
    public void Queue_load_thresholds_left_empty_are_not_tested_and_garbage_is_sent_on_as_invalid(
        string waiting, string estimate, int? expectedWaiting, int? expectedEstimate)
    {
        var form = new ScenarioConditionForm
        {
            Kind = ScenarioConditionKind.QueueLoad,
            QueueId = Support.ToString(),
            WaitingCallsAtLeast = waiting,
            EstimatedWaitSecondsAtLeast = estimate,
        };

        Assert.Equal(new QueueLoadCondition(Support, expectedWaiting, expectedEstimate), form.ToCondition());
    }
}
