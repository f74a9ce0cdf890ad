using Bunit;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Components.Tests.Shared;

public sealed class PickerTests : BunitContext
{
    private static readonly PickerChoice Support = new(Guid.CreateVersion7(), "Support");
    private static readonly PickerChoice Sales = new(Guid.CreateVersion7(), "Sales");

    [Fact]
    public void Offers_every_choice_after_the_prompt_and_selects_the_posted_one()
    {
        var picker = Render<Picker>(parameters => parameters
            .Add(p => p.Id, "queue").Add(p => p.Name, "Form.QueueId").Add(p => p.Choices, [Support, Sales])
            .Add(p => p.Selected, Sales.Id.ToString()).Add(p => p.Prompt, "Choose a queue"));

        Assert.Equal(["Choose a queue", "Support", "Sales"], picker.FindAll("option").Select(option => option.TextContent));
        Assert.Equal("Sales", picker.Find("option[selected]").TextContent);
        Assert.Equal("Form.QueueId", picker.Find("select").GetAttribute("name"));
    }

    [Fact]
    public void Selects_the_prompt_when_the_posted_id_is_not_a_choice()
    {
        var picker = Render<Picker>(parameters => parameters
            .Add(p => p.Id, "queue").Add(p => p.Name, "Form.QueueId").Add(p => p.Choices, [Support])
            .Add(p => p.Selected, Guid.CreateVersion7().ToString()));

        Assert.Equal("Choose…", picker.Find("option[selected]").TextContent);
        Assert.Equal("", picker.Find("option[selected]").GetAttribute("value"));
    }
}
