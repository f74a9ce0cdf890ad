using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Domain.Tests.Routing.Interpreter;

public class CallVariablesTests
{
    private static IncomingCall Call(string? callerNumber, string? callerName, Dictionary<string, string> headers) =>
        new(Guid.NewGuid(), "+14155550123", callerNumber, callerName, headers);

    [Fact]
    public void Names_differing_only_in_case_are_different_variables()
    {
        var variables = new CallVariables();
        variables.Set("ticket", "1");
        variables.Set("Ticket", "2");

        Assert.Equal([new CallVariable("ticket", "1"), new CallVariable("Ticket", "2")], variables.Snapshot());
    }

    [Fact]
    public void Setting_a_variable_again_replaces_its_value_where_it_stands()
    {
        var variables = new CallVariables();
        variables.Set("a", "1");
        variables.Set("b", "2");
        variables.Set("a", "3");

        Assert.Equal([new CallVariable("a", "3"), new CallVariable("b", "2")], variables.Snapshot());
        Assert.True(variables.TryGetValue("a", out var value));
        Assert.Equal("3", value);
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_call_moves_on()
    {
        var variables = new CallVariables();
        variables.Set("a", "1");
        var snapshot = variables.Snapshot();

        variables.Set("b", "2");

        Assert.Equal([new CallVariable("a", "1")], snapshot);
    }

    [Fact]
    public void An_incoming_call_brings_its_numbers_name_and_x_headers_only()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Campaign"] = "spring",
            ["Authorization"] = "Digest secret",
            ["x-crm-id"] = "42",
        };

        var variables = CallVariables.ForIncomingCall(Call("+442079460958", "Jane Doe", headers));

        Assert.Equal(
            [
                new CallVariable("dialledNumber", "+14155550123"),
                new CallVariable("callerNumber", "+442079460958"),
                new CallVariable("callerName", "Jane Doe"),
                new CallVariable("X-Campaign", "spring"),
                new CallVariable("x-crm-id", "42"),
            ],
            variables.Snapshot());
    }

    [Fact]
    public void A_withheld_caller_without_a_name_has_only_the_dialled_number()
    {
        var variables = CallVariables.ForIncomingCall(Call(null, "", []));

        Assert.Equal([new CallVariable("dialledNumber", "+14155550123")], variables.Snapshot());
        Assert.False(variables.TryGetValue("callerNumber", out _));
    }
}
