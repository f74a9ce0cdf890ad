namespace Switchboard.Testing.Fuzz;

/// <summary>What a fuzz run did: inputs per transport, time, the answers the fuzzing peers got by status, and what failed.</summary>
public sealed record FuzzReport(int Seed, int UdpInputs, int TcpInputs, int Probes, double Seconds,
    SortedDictionary<int, int> AnswersByStatus, IReadOnlyList<string> Failures)
{
    public override string ToString() =>
        $"seed {Seed}: {UdpInputs + TcpInputs} inputs ({UdpInputs} UDP, {TcpInputs} TCP) in {Seconds:0.0} s, {Probes} probes; " +
        $"answers by status: {string.Join(", ", AnswersByStatus.Select(entry => $"{entry.Key}: {entry.Value}"))}; " +
        $"failures: {(Failures.Count == 0 ? "none" : string.Join("; ", Failures))}";
}
