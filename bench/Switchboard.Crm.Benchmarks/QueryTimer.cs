using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Crm.Benchmarks;

/// <summary>
/// Runs each query as the API does (a fresh context per request) a few times to warm caches, then times the runs
/// and reports the median and the 90th percentile.
/// </summary>
internal sealed class QueryTimer(IDbContextFactory<SwitchboardDbContext> contexts, int runs)
{
    private const int WarmUpRuns = 3;

    public async Task<(int Matches, TimeSpan Median, TimeSpan P90)> MeasureAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        var matches = 0;
        for (var run = 0; run < WarmUpRuns; run++)
            matches = await RunOnceAsync(query, run, cancellationToken);

        var times = new List<TimeSpan>(runs);
        for (var run = WarmUpRuns; run < WarmUpRuns + runs; run++)
        {
            var started = TimeProvider.System.GetTimestamp();
            await RunOnceAsync(query, run, cancellationToken);
            times.Add(TimeProvider.System.GetElapsedTime(started));
        }

        times.Sort();
        return (matches, times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.9) - 1]);
    }

    private async Task<int> RunOnceAsync(BenchQuery query, int run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await query.Run(db, run, cancellationToken);
    }
}
