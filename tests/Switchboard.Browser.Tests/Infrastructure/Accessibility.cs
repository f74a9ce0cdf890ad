using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Switchboard.Browser.Tests.Infrastructure;

/// <summary>axe-core (the engine browsers' accessibility tools use) over a page as the user sees it now.</summary>
public static class Accessibility
{
    /// <summary>Fails on a serious or critical violation, naming the rule and the elements.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Impact} {violation.Id}: {violation.Help}\n" +
        string.Join("\n", violation.Nodes.Select(node => $"    {node.Target}: {node.Html}"));
}
