using Switchboard.Data;

namespace Switchboard.Crm.Benchmarks;

/// <summary>One measured question: its name, and how to ask it on run <c>n</c> (inputs vary per run); returns how many contacts matched.</summary>
internal sealed record BenchQuery(string Name, Func<SwitchboardDbContext, int, CancellationToken, Task<int>> Run);
