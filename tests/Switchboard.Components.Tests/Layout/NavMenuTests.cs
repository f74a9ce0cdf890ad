using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;
using Switchboard.Domain.Users;
using Switchboard.Server.Components.Layout;
using Switchboard.Server.Security;

namespace Switchboard.Components.Tests.Layout;

/// <summary>The menu under the server's own policies, for an account of each kind.</summary>
public sealed class NavMenuTests
{

    [Fact]
    public async Task An_agent_sees_the_workspace_only()
    {
        Assert.Equal(["Workspace"], await LinksAsync(Role.Agent, crmAccess: false));
    }

    [Fact]
    public async Task An_agent_with_crm_access_also_sees_the_contacts()
    {
        Assert.Equal(["Workspace", "Contacts"], await LinksAsync(Role.Agent, crmAccess: true));
    }

    [Fact]
    public async Task A_supervisor_sees_no_configuration_page()
    {
        Assert.Equal(["Workspace"], await LinksAsync(Role.Supervisor, crmAccess: false));
    }

    [Fact]
    public async Task An_admin_sees_every_configuration_page()
    {
        Assert.Equal(
            ["Workspace", "Numbers", "Scenarios", "Queues", "Users", "Sounds", "Trunks"],
            await LinksAsync(Role.Admin, crmAccess: false));
    }

    private static async Task<string[]> LinksAsync(Role role, bool crmAccess)
    {
        // The real authorization service and the server's own policies, not bUnit's stand-in.
        await using var bunit = new BunitContext();
        bunit.Services.AddMudServices();
        bunit.Services.AddLogging();
        bunit.Services.AddAuthorizationCore();
        bunit.Services.AddAuthorizationBuilder().AddSwitchboardPolicies();
        bunit.Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        var user = new User { Username = "ann", DisplayName = "Ann", Role = role, CrmAccess = crmAccess, PasswordHash = "hash" };
        var signedIn = Task.FromResult(new AuthenticationState(SwitchboardClaims.PrincipalFor(user, "Test")));
        var menu = bunit.Render(builder =>
        {
            builder.OpenComponent<CascadingValue<Task<AuthenticationState>>>(0);
            builder.AddAttribute(1, nameof(CascadingValue<Task<AuthenticationState>>.Value), signedIn);
            builder.AddAttribute(2, nameof(CascadingValue<Task<AuthenticationState>>.ChildContent), (RenderFragment)(menu =>
            {
                menu.OpenComponent<NavMenu>(0);
                menu.CloseComponent();
            }));
            builder.CloseComponent();
        });
        return [.. menu.FindAll("a").Select(link => link.TextContent.Trim())];
    }
}
