using System.Net;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>Puts a test's server on Kestrel at a free loopback port, so its clients talk HTTP over a real socket.</summary>
public static class LoopbackServer
{
    /// <summary>Call before the server's first use; <see cref="SwitchboardFactory.CreateClientAsync"/> then connects over TCP.</summary>
    public static SwitchboardFactory OnLoopback(this SwitchboardFactory factory)
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        return factory;
    }
}
