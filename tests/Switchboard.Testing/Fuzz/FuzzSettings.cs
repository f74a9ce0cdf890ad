using System.Globalization;

namespace Switchboard.Testing.Fuzz;

/// <summary>
/// How long a fuzz run goes: the suite's bounded run by default; SWITCHBOARD_FUZZ_SEED, SWITCHBOARD_FUZZ_INPUTS and
/// SWITCHBOARD_FUZZ_SECONDS make a longer one (docs/reliability.md gives the command).
/// </summary>
public sealed record FuzzSettings(int Seed, int Inputs, TimeSpan TimeBudget, int ProbeEvery)
{
    public static FuzzSettings FromEnvironment() => new(
        Read("SWITCHBOARD_FUZZ_SEED", 4475),
        Read("SWITCHBOARD_FUZZ_INPUTS", 30_000),
        TimeSpan.FromSeconds(Read("SWITCHBOARD_FUZZ_SECONDS", 40)),
        ProbeEvery: 300);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
