namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Who a test's HTTP client acts as.</summary>
public enum Actor
{
    Admin,
    Supervisor,
    Agent,
    Anonymous,
}
