using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Api;
using Switchboard.Server.Calls;
using Switchboard.Server.Crm;
using Switchboard.Server.Hosting;
using Switchboard.Server.Security;
using Switchboard.Server.TelephonyHosting;
using Switchboard.Server.Ui;
using Switchboard.Server.Workspace;

var builder = WebApplication.CreateBuilder(args);
builder.AddSwitchboardHost();
builder.Services.AddSwitchboardSecurity(builder.Configuration);
builder.Services.AddUserAdmin();
builder.Services.AddConfigurationAdmin();
builder.Services.AddSwitchboardUi();
builder.Services.AddSwitchboardCrm();
builder.Services.AddSwitchboardAcd();
builder.Services.AddSwitchboardTelephony();
builder.Services.AddSwitchboardWorkspace();
builder.Services.AddSwitchboardCalls();
builder.Services.AddSwitchboardMetrics();

var app = builder.Build();
app.UseSwitchboardHost();
app.UseSwitchboardPageStatus();
app.UseSwitchboardSecurity();
app.UseSwitchboardAcd();
app.MapSwitchboardHost();
app.MapAccountEndpoints();
app.MapSwitchboardApi();
app.MapSwitchboardUi();
app.MapSwitchboardMetrics();
app.Run();

/// <summary>The entry point, public so that tests can host the application.</summary>
public partial class Program;
