using System.Text;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Sip;
using Switchboard.Telephony.Calls;

namespace Switchboard.Telephony.Tests.Calls;

public sealed class CallVariableHeadersTests
{
    private static readonly Guid CallId = Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [Fact]
    public void The_invite_names_the_call_then_carries_each_variable_in_the_order_it_was_set()
    {
        var variables = CallVariables.ForIncomingCall(new IncomingCall(
            CallId, "+12025550100", "+14155550123", null, new Dictionary<string, string> { ["X-Customer-Id"] = "4711", ["Subject"] = "hello" }));
        variables.Set("tier", "gold");

        Assert.Equal(
            [
                ("X-Switchboard-Call-Id", "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
                ("X-Switchboard-Var-dialledNumber", "+12025550100"),
                ("X-Switchboard-Var-callerNumber", "+14155550123"),
                ("X-Customer-Id", "4711"),
                ("X-Switchboard-Var-tier", "gold"),
            ],
            HeadersOf(variables));
    }

    [Fact]
    public void A_callers_header_that_poses_as_a_switchboard_one_is_not_passed_on()
    {
        var variables = new CallVariables();
        variables.Set("X-Switchboard-Var-tier", "platinum");
        variables.Set("X-Switchboard-Call-Id", "forged");

        Assert.Equal([("X-Switchboard-Call-Id", "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")], HeadersOf(variables));
    }

    [Fact]
    public void Line_breaks_in_a_value_cannot_start_a_header_of_their_own()
    {
        var variables = new CallVariables();
        variables.Set("note", "call back\r\nX-Injected: yes\tplease");

        Assert.Equal(("X-Switchboard-Var-note", "call back  X-Injected: yes please"), HeadersOf(variables)[1]);
    }

    [Fact]
    public void A_long_value_is_cut_at_the_limit_without_splitting_a_character()
    {
        var variables = new CallVariables();
        variables.Set("long", new string('a', CallVariableHeaders.MaxValueLength + 50));
        variables.Set("emoji", new string('b', CallVariableHeaders.MaxValueLength - 1) + "\U0001F600");

        var headers = HeadersOf(variables);

        Assert.Equal(new string('a', CallVariableHeaders.MaxValueLength), headers[1].Value);
        Assert.Equal(new string('b', CallVariableHeaders.MaxValueLength - 1), headers[2].Value);
    }

    private static List<(string Name, string Value)> HeadersOf(CallVariables variables)
    {
        var invite = new SipRequest("INVITE", "sip:alice@127.0.0.1");
        CallVariableHeaders.Add(invite, CallId, variables);
        return [.. invite.Headers.Select(header => (Encoding.UTF8.GetString(header.Name.Span), Encoding.UTF8.GetString(header.Value.Span)))];
    }
}
