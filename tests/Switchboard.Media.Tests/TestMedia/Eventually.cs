namespace Switchboard.Media.Tests.TestMedia;

/// <summary>Waits for something that happens on another thread (a datagram's arrival); fails after a long while.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string description)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"never happened: {description}");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}
