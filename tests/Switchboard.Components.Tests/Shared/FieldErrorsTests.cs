using Bunit;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Components.Tests.Shared;

public sealed class FieldErrorsTests : BunitContext
{
    private static readonly Dictionary<string, string[]> Errors = new()
    {
        ["name"] = ["Enter a name"],
        ["inboundAddresses"] = ["Add an address"],
        ["inboundAddresses[1]"] = ["'nowhere' is not an IP address"],
        ["outboundHost"] = ["Enter a host"],
    };

    [Fact]
    public void Shows_the_messages_of_its_field_only()
    {
        var errors = Render<FieldErrors>(parameters => parameters.Add(p => p.Errors, Errors).Add(p => p.Field, "name"));

        Assert.Equal(["Enter a name"], errors.FindAll("[data-testid=error-name]").Select(message => message.TextContent));
    }

    [Fact]
    public void Shows_the_messages_of_the_fields_items_when_asked()
    {
        var errors = Render<FieldErrors>(parameters => parameters
            .Add(p => p.Errors, Errors).Add(p => p.Field, "inboundAddresses").Add(p => p.WithItems, true));

        Assert.Equal(["Add an address", "'nowhere' is not an IP address"], errors.FindAll("p").Select(message => message.TextContent));
    }

    [Fact]
    public void Shows_nothing_when_its_field_is_fine()
    {
        var errors = Render<FieldErrors>(parameters => parameters.Add(p => p.Errors, Errors).Add(p => p.Field, "label"));

        Assert.Empty(errors.Markup.Trim());
    }
}
