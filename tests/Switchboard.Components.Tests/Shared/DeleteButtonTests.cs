using Bunit;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Components.Tests.Shared;

public sealed class DeleteButtonTests : BunitContext
{
    [Fact]
    public void Names_what_it_deletes_asks_first_and_submits_the_pages_delete_form_with_the_id()
    {
        var id = Guid.CreateVersion7();

        var button = Render<DeleteButton>(parameters => parameters
            .Add(p => p.FormId, "delete-contact").Add(p => p.Id, id).Add(p => p.What, "contact Ada Lovelace")).Find("button");

        Assert.Equal("Delete contact Ada Lovelace", button.GetAttribute("aria-label"));
        Assert.Equal("Delete contact Ada Lovelace?", button.GetAttribute("data-question"));
        Assert.Contains("confirm(", button.GetAttribute("onclick"), StringComparison.Ordinal);
        Assert.Equal("delete-contact", button.GetAttribute("form"));
        Assert.Equal(id.ToString(), button.GetAttribute("value"));
    }
}
