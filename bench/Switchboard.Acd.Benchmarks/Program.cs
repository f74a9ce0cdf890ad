using BenchmarkDotNet.Running;
using Switchboard.Acd.Benchmarks;

// "latency" replays a recorded busy day once and prints the time of each decision's percentiles; anything else goes
// to BenchmarkDotNet (e.g. --filter '*' for decisions per second and bytes allocated per decision).
if (args is ["latency", ..])
{
    DecisionLatency.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
