namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>Browser tests share one server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SwitchboardSiteCollection : ICollectionFixture<SwitchboardSite>
{
    public const string Name = "Switchboard site";
}
