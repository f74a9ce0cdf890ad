using Switchboard.Data;
using Switchboard.Server.Calls;
using Switchboard.Server.Components.Calls;

namespace Switchboard.Server.Tests.Calls;

/// <summary>A call's detail made from its record and its lines of the queue event log, as the call page says it.</summary>
public sealed class CallDetailCompositionTests
{
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Support = Guid.NewGuid();
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Cat = Guid.NewGuid();

    private static readonly CallNames Names = new(
        new Dictionary<Guid, string> { [Ann] = "Ann", [Bob] = "Bob", [Cat] = "Cat" },
        new Dictionary<Guid, string> { [Sales] = "Sales", [Support] = "Support" });

    [Fact]
    public void Each_offer_says_to_whom_and_how_it_ended_refused_not_answered_then_answered_with_the_wait()
    {
        var call = new StoredCall(queueId: Sales)
            .Entered(Sales, at: 2)
            .Offered(Sales, Ann, at: 2, "offerRefused", outcomeAt: 5)
            .Offered(Sales, Bob, at: 6, "offerNotAnswered", outcomeAt: 21)
            .Answered(Sales, Cat, at: 22, answeredAt: 25)
            .Talked(Cat, from: 25, to: 85, "hungUp", disposition: "Sale", notes: "Two seats")
            .Ended(85);

        var detail = Compose(call);

        Assert.Equal(
            [
                "The call came in",
                "Entered queue Sales",
                "Offered to Ann: refused after 0:03",
                "Offered to Bob: not answered (0:15)",
                "Offered to Cat: answered after 0:03",
                "Left queue Sales: answered by Cat after waiting 0:25",
                "Cat talked to the caller",
                "Cat left the call: the agent hung up",
                "The call ended: Answered from a queue",
            ],
            detail.Path.Select(CallWords.Step));
        Assert.Equal((60, "Sales"), (detail.TalkedSeconds, detail.QueueName));
        var cat = Assert.Single(detail.Agents);
        Assert.Equal(("Cat", 60, "Sale", "Two seats"), (cat.Name, cat.TalkedSeconds, cat.Disposition, cat.Notes));
    }

    [Fact]
    public void A_transfer_to_a_queue_shows_both_agents_in_order_with_their_own_wrap_ups()
    {
        var call = new StoredCall(queueId: Support)
            .Entered(Sales, at: 1)
            .Answered(Sales, Ann, at: 1, answeredAt: 3)
            .Talked(Ann, from: 3, to: 40, "transferred", disposition: "Sale")
            .Transferred(Ann, at: 40, toQueueId: Support)
            .Entered(Support, at: 40)
            .Answered(Support, Bob, at: 40, answeredAt: 44)
            .Talked(Bob, from: 44, to: 100, "callerHungUp", notes: "Fixed the router")
            .Ended(100);

        var detail = Compose(call);

        Assert.Equal(
            [
                "The call came in",
                "Entered queue Sales",
                "Offered to Ann: answered after 0:02",
                "Left queue Sales: answered by Ann after waiting 0:03",
                "Ann talked to the caller",
                "Ann transferred the call to queue Support",
                "Ann left the call: transferred",
                "Entered queue Support",
                "Offered to Bob: answered after 0:04",
                "Left queue Support: answered by Bob after waiting 0:44",
                "Bob talked to the caller",
                "Bob left the call: the caller hung up",
                "The call ended: Answered from a queue",
            ],
            detail.Path.Select(CallWords.Step));
        Assert.Equal(
            [("Ann", 37, "Sale", (string?)null), ("Bob", 56, null, "Fixed the router")],
            detail.Agents.Select(agent => (agent.Name, agent.TalkedSeconds, agent.Disposition, agent.Notes)));
        var transfer = Assert.Single(detail.Transfers);
        Assert.Equal(("Ann", Support, "Support"), (transfer.ByName, transfer.ToQueueId, transfer.ToQueueName));
    }

    [Fact]
    public void A_transfer_to_a_user_and_to_a_number_name_their_target()
    {
        var call = new StoredCall(result: "forwarded")
            .Talked(Ann, from: 0, to: 10, "transferred")
            .Transferred(Ann, at: 10, toUserId: Bob)
            .Talked(Bob, from: 12, to: 30, "transferred")
            .Transferred(Bob, at: 30, toNumber: "+15550100@carrier")
            .Ended(60);

        var detail = Compose(call);

        Assert.Contains("Ann transferred the call to Bob", detail.Path.Select(CallWords.Step));
        Assert.Contains("Bob transferred the call to +15550100@carrier", detail.Path.Select(CallWords.Step));
        Assert.Equal("The call ended: Forwarded", CallWords.Step(detail.Path[^1]));
    }

    [Fact]
    public void A_caller_who_hung_up_while_waiting_left_the_queue_abandoned_and_nobody_talked()
    {
        var call = new StoredCall(result: "callerHungUp", queueId: Sales)
            .Entered(Sales, at: 1)
            .Offered(Sales, Ann, at: 1, "offerCancelled", outcomeAt: 9, """{"reason":"callerHungUp"}""")
            .Left(Sales, "callAbandoned", "abandoned", at: 9, waited: 8.4)
            .Ended(9);

        var detail = Compose(call);

        Assert.Equal(
            [
                "The call came in",
                "Entered queue Sales",
                "Offered to Ann: withdrawn after 0:08, the caller hung up",
                "Left queue Sales: the caller hung up after waiting 0:08",
                "The call ended: The caller hung up",
            ],
            detail.Path.Select(CallWords.Step));
        Assert.Empty(detail.Agents);
        Assert.Null(detail.TalkedSeconds);
    }

    [Fact]
    public void A_call_the_server_stopped_under_shows_the_offer_that_was_ringing_without_an_outcome_and_why_it_ended()
    {
        var call = new StoredCall(result: CallRecord.Interrupted, queueId: Sales)
            .Entered(Sales, at: 1)
            .Offered(Sales, Ann, at: 1, outcomeKind: null, outcomeAt: 0)
            .Ended(0, "the server stopped without ending the call");

        var detail = Compose(call);

        Assert.Equal(
            [
                "The call came in",
                "Entered queue Sales",
                "Offered to Ann: no outcome recorded",
                "The call ended: Interrupted: the server stopped without ending it",
            ],
            detail.Path.Select(CallWords.Step));
        Assert.Equal("Interrupted: the server stopped without ending it", CallWords.Result(detail.Result, detail.ResultDetail));
    }

    [Fact]
    public void A_call_going_on_after_a_transfer_shows_who_left_and_who_talks_now_and_a_crash_names_the_part_it_cut()
    {
        var goingOn = new StoredCall(result: CallRecord.InProgress, queueId: Sales)
            .Entered(Sales, at: 1)
            .Answered(Sales, Ann, at: 1, answeredAt: 3)
            .Talked(Ann, from: 3, to: 40, "transferred")
            .Transferred(Ann, at: 40, toUserId: Bob)
            .Talked(Bob, from: 48, to: 48, CallRecordAgent.InProgress);
        var cut = new StoredCall(result: CallRecord.Interrupted, queueId: Sales)
            .Entered(Sales, at: 1)
            .Answered(Sales, Ann, at: 1, answeredAt: 3)
            .Talked(Ann, from: 3, to: 3, CallRecordAgent.Interrupted)
            .Ended(0, "the server stopped without ending the call");

        var path = Compose(goingOn).Path.Select(CallWords.Step).ToList();

        Assert.Equal(["Ann left the call: transferred", "Bob talked to the caller"], path.TakeLast(2));
        Assert.Contains("Ann left the call: the switchboard stopped under the call", Compose(cut).Path.Select(CallWords.Step));
    }

    [Fact]
    public void A_user_or_queue_deleted_since_is_named_as_such()
    {
        var gone = Guid.NewGuid();
        var call = new StoredCall(queueId: gone).Entered(gone, at: 0).Answered(gone, gone, at: 0, answeredAt: 1).Talked(gone, 1, 2, "hungUp").Ended(2);

        var detail = Compose(call);

        Assert.Equal(CallNames.DeletedQueue, detail.QueueName);
        Assert.Equal(CallNames.DeletedUser, Assert.Single(detail.Agents).Name);
    }

    [Fact]
    public void Those_offered_the_call_take_part_in_it_as_well_as_those_who_talked_and_no_one_else()
    {
        var call = new StoredCall(queueId: Sales)
            .Entered(Sales, at: 0)
            .Offered(Sales, Ann, at: 0, "offerRefused", outcomeAt: 2)
            .Answered(Sales, Bob, at: 3, answeredAt: 4)
            .Talked(Bob, from: 4, to: 10, "hungUp")
            .Ended(10);

        Assert.Equal(new[] { Ann, Bob }.Order(), CallDetailComposition.TakingPart(call.Record, call.Events).Order());
        Assert.DoesNotContain(Cat, CallDetailComposition.TakingPart(call.Record, call.Events));
    }

    private static CallDetailView Compose(StoredCall call) => CallDetailComposition.Compose(call.Record, call.Events, Names, []);
}
