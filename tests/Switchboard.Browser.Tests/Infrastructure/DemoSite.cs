namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>A server of its own started with the demo switchboard, as the README's first command starts it.</summary>
public sealed class DemoSite() : SwitchboardSite(new Dictionary<string, string> { ["Switchboard:Demo"] = "true" });
